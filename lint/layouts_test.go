package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
)

// runAt lints paths relative to the repository root and returns each file's
// result by path.
func runAt(t *testing.T, opts lint.Options, paths ...string) map[string]finding.FileResult {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(filepath.Join(wd, "..")); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chdir(wd) }()
	opts.Paths, opts.Now = paths, exampleClock
	rep, _, err := lint.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]finding.FileResult{}
	for _, fr := range rep.Files {
		out[fr.Path] = fr
	}
	return out
}

func statusOf(fr finding.FileResult, id string) finding.RuleStatus {
	for _, st := range fr.Statuses {
		if st.RuleID == id {
			return st
		}
	}
	return finding.RuleStatus{}
}

func findingIDs(fr finding.FileResult) []string {
	var out []string
	for _, f := range fr.Findings {
		line := 0
		if f.Region != nil {
			line = f.Region.StartLine
		}
		out = append(out, f.RuleID+":"+itoa(line))
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestDeployWrapperIsOneDeployment: a wrapper that dot-sources its variables
// file is one deployment with it, never a PX206 collision with itself.
func TestDeployWrapperIsOneDeployment(t *testing.T) {
	res := runAt(t, lint.Options{}, "examples/layouts/wrapper")
	wrapper, vars := res["examples/layouts/wrapper/deploy-weu.ps1"], res["examples/layouts/wrapper/weu-variables.ps1"]
	if len(wrapper.Findings) != 0 || len(vars.Findings) != 0 {
		t.Errorf("findings: wrapper %v, variables %v", findingIDs(wrapper), findingIDs(vars))
	}
	if st := statusOf(wrapper, "PX206"); st.Status != finding.StatusPass {
		t.Errorf("wrapper PX206 = %+v, want pass", st)
	}
	if st := statusOf(wrapper, "PX601"); st.Status != finding.StatusPass {
		t.Errorf("wrapper PX601 = %+v, want pass (its call is judged with the included values)", st)
	}
	// The variables file is a fragment: its deployment rules are judged on the wrapper.
	for _, id := range []string{"PX206", "PX501", "PX107", "PX601", "PX401"} {
		st := statusOf(vars, id)
		if st.Status != finding.StatusNotVerified || !strings.Contains(st.Reason, "dot-sourced by examples/layouts/wrapper/deploy-weu.ps1") {
			t.Errorf("variables file %s = %+v, want not_verified as a fragment", id, st)
		}
	}
	// Its own values are still judged.
	if st := statusOf(vars, "PX102"); st.Status != finding.StatusPass {
		t.Errorf("variables file PX102 = %+v, want pass", st)
	}
}

// TestSameAssignmentsTwoPathsOneDeployment: two wrappers of one variables
// file reach the same assignments: one deployment, no PX206.
func TestSameAssignmentsTwoPathsOneDeployment(t *testing.T) {
	res := runAt(t, lint.Options{}, "lint/testdata/layouts/two-wrappers")
	for _, p := range []string{"deploy.ps1", "redeploy.ps1"} {
		fr := res["lint/testdata/layouts/two-wrappers/"+p]
		if st := statusOf(fr, "PX206"); st.Status != finding.StatusPass || len(fr.Findings) != 0 {
			t.Errorf("%s: PX206 %+v, findings %v", p, st, findingIDs(fr))
		}
	}
}

// TestSharedFragment: common.ps1, dot-sourced by weu.ps1 and neu.ps1, is
// judged as part of each (no PX501 of its own) and the regions are clean.
func TestSharedFragment(t *testing.T) {
	res := runAt(t, lint.Options{}, "examples/layouts/shared")
	common := res["examples/layouts/shared/common.ps1"]
	if len(common.Findings) != 0 {
		t.Errorf("common.ps1 findings %v", findingIDs(common))
	}
	st := statusOf(common, "PX501")
	if st.Status != finding.StatusNotVerified || !strings.Contains(st.Reason, "examples/layouts/shared/neu.ps1, examples/layouts/shared/weu.ps1: judged as part of each of them") {
		t.Errorf("common.ps1 PX501 = %+v", st)
	}
	for _, p := range []string{"weu.ps1", "neu.ps1"} {
		fr := res["examples/layouts/shared/"+p]
		if len(fr.Findings) != 0 {
			t.Errorf("%s findings %v", p, findingIDs(fr))
		}
		// #Requires and the culture guard of common.ps1 count for the region.
		for _, id := range []string{"PX401", "PX402"} {
			if st := statusOf(fr, id); st.Status != finding.StatusPass || st.Source != "script" {
				t.Errorf("%s %s = %+v, want pass from the script", p, id, st)
			}
		}
	}
}

// TestFragmentOwnFindings: a fragment's own value and secret findings are
// reported at its lines, once, and not again on its includer.
func TestFragmentOwnFindings(t *testing.T) {
	res := runAt(t, lint.Options{}, "lint/testdata/layouts/fragment-findings")
	common, weu := res["lint/testdata/layouts/fragment-findings/common.ps1"], res["lint/testdata/layouts/fragment-findings/weu.ps1"]
	if got := strings.Join(findingIDs(common), " "); got != "PX102:21 PX506:22" {
		t.Errorf("common.ps1 findings = %s, want PX102:21 PX506:22", got)
	}
	if len(weu.Findings) != 0 {
		t.Errorf("weu.ps1 repeats the fragment's findings: %v", findingIDs(weu))
	}
	// Linted alone, the includer still reports what its deployment carries.
	alone := runAt(t, lint.Options{}, "lint/testdata/layouts/fragment-findings/weu.ps1")
	if got := findingIDs(alone["lint/testdata/layouts/fragment-findings/weu.ps1"]); len(got) == 0 {
		t.Error("weu.ps1 linted alone hides the included host-bits prefix")
	}
}

// TestOnePathOutsideGit: outside a git work tree a script's path is relative
// to the config's folder for rule blocks' paths and options, exclude and
// severity alike.
func TestOnePathOutsideGit(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{".pxlint.hcl", "regions/lab.ps1", "regions/skip.ps1"} {
		b, err := os.ReadFile(filepath.Join("testdata", "paths", filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "regions"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{filepath.Join(dir, "regions")}, Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || !strings.HasSuffix(rep.Files[0].Path, "regions/lab.ps1") {
		t.Fatalf("files = %d (exclude regions/skip.ps1 ignored?)", len(rep.Files))
	}
	var sev104 []string
	for _, f := range rep.Files[0].Findings {
		switch f.RuleID {
		case "PX105":
			t.Errorf("PX105 fired although the rule block's min_prefix_length = 8 governs regions/**: %s", f.Message)
		case "PX104":
			sev104 = append(sev104, f.Severity.String())
		}
	}
	if strings.Join(sev104, ",") != "info" {
		t.Errorf("PX104 severities = %v, want [info] from the rule block", sev104)
	}
}
