package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
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

// judgesTheScriptItself are the rules whose input is the script's own text,
// which every run has: they can pass on any script. Every other rule must
// end not_verified, with a reason, when what it needs is missing.
var judgesTheScriptItself = map[string]string{
	"PX001": "parses the text",
	"PX002": "reads how values are written",
	"PX003": "reads how strings are quoted",
	"PX004": "reads the references",
	"PX005": "reads the assigned names",
	"PX006": "reads the assignments",
	"PX007": "reports what cannot be evaluated",
	"PX009": "reads the bytes",
	"PX010": "reads the suppressions",
	"PX011": "measures the input",
	"PX401": "without a pin or facts its verdict is the warning that nothing pins Az (RULES.md)",
	"PX506": "reads how secrets are written",
}

// TestEveryRuleWithoutItsInput lints two scripts that lack what rules need
// (values that need execution; known values without certificate, facts,
// inventory, Connect-AzAccount or deployment call) and requires every rule
// outside judgesTheScriptItself to end not_verified with a reason in the
// first, and the rules that need what the second lacks to do so there: a
// rule that lacks its input is never pass.
func TestEveryRuleWithoutItsInput(t *testing.T) {
	res := runAt(t, lint.Options{}, "lint/testdata/without-input")
	unknowns := res["lint/testdata/without-input/unknowns.ps1"]
	for _, r := range rules.All() {
		if r.Infinity {
			continue // judged on an Infinity export, never on a script (TestCleanExport, TestBadExports)
		}
		st := statusOf(unknowns, r.ID)
		if why, ok := judgesTheScriptItself[r.ID]; ok {
			if st.Status == "" {
				t.Errorf("%s (%s): no status", r.ID, why)
			}
			continue
		}
		if st.Status != finding.StatusNotVerified || st.Reason == "" {
			t.Errorf("unknowns.ps1: %s = %+v, want not_verified with a reason", r.ID, st)
		}
	}
	known := res["lint/testdata/without-input/known-values.ps1"]
	for _, id := range []string{"PX207", "PX210", "PX301", "PX302", "PX303", "PX304", "PX305", "PX306", "PX307",
		"PX308", "PX309", "PX310", "PX311", "PX312", "PX402", "PX403", "PX404", "PX405", "PX601"} {
		if st := statusOf(known, id); st.Status != finding.StatusNotVerified || st.Reason == "" {
			t.Errorf("known-values.ps1: %s = %+v, want not_verified with a reason", id, st)
		}
	}
}

// TestVendorTemplateWithRealValues: a newcomer's copy of the vendor template
// (UTF-8 without BOM, CRLF, en dashes in comments, the template's @("","")
// and @() prefixes, the vendor's .\newcreate_vmss_deployment.ps1 call) with
// real values reports only what matters: 443 open to the Internet, as a
// warning. No PX009 for the comments, no PX103 for the placeholder, no PX601
// "pass" without judging the call.
func TestVendorTemplateWithRealValues(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "vendor-template", "variables.ps1"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "variables.ps1") // outside any git work tree, as a newcomer's copy
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{p}, Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 {
		t.Fatalf("files = %d", len(rep.Files))
	}
	fr := rep.Files[0]
	var got []string
	for _, f := range fr.Findings {
		got = append(got, fmt.Sprintf("%s %s %d", f.RuleID, f.Severity, f.Region.StartLine))
	}
	if strings.Join(got, "; ") != "PX107 warning 49" {
		t.Errorf("findings = %v, want only PX107 warning 49", got)
	}
	for id, want := range map[string]finding.Status{"PX009": finding.StatusPass, "PX103": finding.StatusPass,
		"PX108": finding.StatusPass, "PX601": finding.StatusPass, "PX401": finding.StatusPass} {
		if st := statusOf(fr, id); st.Status != want {
			t.Errorf("%s = %+v, want %s", id, st, want)
		}
	}
}

// TestDotSourceCycleIsNoLayout: scripts that dot-source each other are both
// judged as deployments, so a cycle cannot hide the deployment rules.
func TestDotSourceCycleIsNoLayout(t *testing.T) {
	res := runAt(t, lint.Options{}, "lint/testdata/layouts/cycle")
	for _, p := range []string{"a.ps1", "b.ps1"} {
		if st := statusOf(res["lint/testdata/layouts/cycle/"+p], "PX501"); st.Status != finding.StatusFail {
			t.Errorf("%s PX501 = %+v, want fail (judged as a deployment)", p, st)
		}
	}
}
