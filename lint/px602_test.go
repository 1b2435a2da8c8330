package lint_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/internal/testenv"
)

// gitRepo makes a work tree with one commit holding files.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	testenv.Tool(t, "apt-get install git", "git")
	dir := t.TempDir()
	writeFiles(t, dir, files)
	for _, args := range [][]string{
		{"init", "-q"}, {"add", "-A"},
		{"-c", "user.name=t", "-c", "user.email=t@example.net", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "v1"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const regional = `. .\common.ps1
$PxVmssRegion = "weu"
$PxTeamsConnFqdn = "teams-weu.against.example.net"
$PxNodeFqdns = "conf01.example.net"
$PxAzureLocation = "westeurope"
$PxWinAdminUser = "pexadmin"
$PxTeamsConnInstanceCount = "2"
$PxPfxCertFileName = "teams.pfx"
$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"
$PxMgmtSrcAddrPrefixes = @("91.90.42.64/26")
$PxNodesSourceAddressPrefixes = @("80.213.4.17") + $PxMgmtSrcAddrPrefixes
`

const common = `$PxBaseConnName = "fabrikam"
$PxSubscriptionId = "5b7e0c1d-2a3b-4c5d-8e9f-a0b1c2d3e4f5"
`

func px602(t *testing.T, fr finding.FileResult) ([]finding.Finding, finding.RuleStatus) {
	t.Helper()
	var fs []finding.Finding
	for _, f := range fr.Findings {
		if f.RuleID == "PX602" {
			fs = append(fs, f)
		}
	}
	for _, s := range fr.Statuses {
		if s.RuleID == "PX602" {
			return fs, s
		}
	}
	t.Fatal("no PX602 status")
	return nil, finding.RuleStatus{}
}

// TestAgainst: PX602 reports identity changes against a git revision (one
// finding for a region change, at the line to edit, its derived resource
// groups folded in), lists nothing for upgrade-only changes, reads
// dot-sourced fragments at the revision too, passes a script that is new
// at the revision, and is not verified without --against.
func TestAgainst(t *testing.T) {
	cases := []struct {
		name    string
		edit    map[string]string
		want    []string // variables PX602 points at
		status  finding.Status
		message string
	}{
		{"region change", map[string]string{"regions/weu.ps1": strings.Replace(regional, `"weu"`, `"westeu"`, 1)},
			[]string{"PxVmssRegion"}, finding.StatusFail, `region tag changed from "weu" at HEAD to "westeu"`},
		{"upgrade only", map[string]string{"regions/weu.ps1": strings.NewReplacer(`"2"`, `"4"`, `"teams.pfx"`, `"teams-2027.pfx"`, `@("80.213.4.17")`, `@("80.213.4.17", "31.45.128.0/27")`).Replace(regional)},
			nil, finding.StatusPass, ""},
		{"fragment change", map[string]string{"regions/common.ps1": strings.Replace(common, "5b7e0c1d", "6c8f1d2e", 1)},
			[]string{"PxSubscriptionId"}, finding.StatusFail, "subscription changed"},
		{"location and fqdn", map[string]string{"regions/weu.ps1": strings.NewReplacer(`"westeurope"`, `"northeurope"`, "teams-weu.", "teams.").Replace(regional)},
			[]string{"PxTeamsConnFqdn", "PxAzureLocation"}, finding.StatusFail, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := gitRepo(t, map[string]string{"regions/weu.ps1": regional, "regions/common.ps1": common})
			writeFiles(t, dir, c.edit)
			rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{filepath.Join(dir, "regions", "weu.ps1")}, Against: "HEAD", Now: exampleClock})
			if err != nil {
				t.Fatal(err)
			}
			fs, st := px602(t, rep.Files[0])
			if st.Status != c.status {
				t.Errorf("PX602 status %s (%s), want %s", st.Status, st.Reason, c.status)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Variable)
				// In the script itself it points at the line; a variable of a
				// dot-sourced fragment is a related location in the fragment.
				if f.Region == nil && (len(f.Related) == 0 || f.Related[0].File != "regions/common.ps1") {
					t.Errorf("PX602 finding points nowhere: %+v", f)
				}
				if !strings.Contains(f.Message, c.message) {
					t.Errorf("message %q, want it to contain %q", f.Message, c.message)
				}
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("PX602 points at %v, want %v", got, c.want)
			}
		})
	}

	t.Run("new script", func(t *testing.T) {
		dir := gitRepo(t, map[string]string{"regions/common.ps1": common})
		writeFiles(t, dir, map[string]string{"regions/weu.ps1": regional})
		rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{filepath.Join(dir, "regions", "weu.ps1")}, Against: "HEAD", Now: exampleClock})
		if err != nil {
			t.Fatal(err)
		}
		if fs, st := px602(t, rep.Files[0]); len(fs) != 0 || st.Status != finding.StatusPass {
			t.Errorf("a new script: %d findings, status %s", len(fs), st.Status)
		}
	})
	t.Run("no against", func(t *testing.T) {
		dir := gitRepo(t, map[string]string{"regions/weu.ps1": regional, "regions/common.ps1": common})
		rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{filepath.Join(dir, "regions", "weu.ps1")}, Now: exampleClock})
		if err != nil {
			t.Fatal(err)
		}
		if _, st := px602(t, rep.Files[0]); st.Status != finding.StatusNotVerified || !strings.Contains(st.Reason, "--against") {
			t.Errorf("without --against: %+v", st)
		}
	})
	t.Run("bad revision", func(t *testing.T) {
		dir := gitRepo(t, map[string]string{"regions/weu.ps1": regional, "regions/common.ps1": common})
		_, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{filepath.Join(dir, "regions", "weu.ps1")}, Against: "no-such-branch", Now: exampleClock})
		if err == nil || !strings.Contains(err.Error(), "not a commit") {
			t.Errorf("unknown revision: %v", err)
		}
		for _, ref := range []string{"--output=/tmp/x", "HEAD:regions/weu.ps1", "a\nb", ""} {
			if lint.CheckRef(ref) == nil {
				t.Errorf("CheckRef(%q) accepted it", ref)
			}
		}
	})
}
