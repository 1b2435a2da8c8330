package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
)

func gitlabIssues(t *testing.T, r *finding.Report) []gitlabIssue {
	t.Helper()
	var buf bytes.Buffer
	if err := writeGitLab(&buf, r, fixtureRules(), Options{}); err != nil {
		t.Fatal(err)
	}
	var issues []gitlabIssue
	if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	return issues
}

func TestGitLabValidAgainstDocumentedFields(t *testing.T) {
	s := compileSchema(t, "testdata/gitlab-codequality.schema.json")
	for name, out := range map[string][]byte{"fixture": render(t, "gitlab", Options{}), "empty": emptyRender(t, "gitlab")} {
		if err := validateJSON(t, s, out); err != nil {
			t.Errorf("%s: Code Quality report invalid: %v", name, err)
		}
	}
	if got := string(emptyRender(t, "gitlab")); got != "[]\n" {
		t.Errorf("empty report = %q, want []", got)
	}
	// The check can fail: a severity GitLab does not know.
	bad := bytes.Replace(render(t, "gitlab", Options{}), []byte(`"severity": "major"`), []byte(`"severity": "error"`), 1)
	if err := validateJSON(t, s, bad); err == nil {
		t.Error("schema accepts severity \"error\"")
	}
}

func TestGitLabIssues(t *testing.T) {
	issues := gitlabIssues(t, fixtureReport())
	sev := map[string]string{}
	prints := map[string]bool{}
	for _, is := range issues {
		sev[is.CheckName] = is.Severity
		if prints[is.Fingerprint] {
			t.Errorf("%s: fingerprint %s not unique", is.CheckName, is.Fingerprint)
		}
		prints[is.Fingerprint] = true
	}
	// Suppressed PX105 and PX506 are left out; errors are major, info is
	// info, a user rule's warning is minor.
	want := map[string]string{"PX102": "major", "PX206": "major", "PX209": "info", "PX303": "major", "PX402": "info", "USR001": "minor"}
	if len(sev) != len(want) {
		t.Errorf("checks %v, want %v", sev, want)
	}
	for k, v := range want {
		if sev[k] != v {
			t.Errorf("%s severity %q, want %q", k, sev[k], v)
		}
	}
	// A security rule's error is critical.
	r := fixtureReport()
	for j := range r.Files[0].Findings {
		if r.Files[0].Findings[j].RuleID == "PX506" {
			r.Files[0].Findings[j].Suppression = nil
		}
	}
	critical := 0
	for _, is := range gitlabIssues(t, r) {
		if is.CheckName == "PX506" && is.Severity == "critical" {
			critical++
		}
	}
	if critical != 1 {
		t.Errorf("%d critical PX506 issues, want 1", critical)
	}
}

// The fingerprint survives lines inserted above the finding, and two
// findings with the same key (PX103 on both "" of @("","")) still differ.
func TestGitLabFingerprint(t *testing.T) {
	before := gitlabIssues(t, fixtureReport())
	moved := fixtureReport()
	for i := range moved.Files {
		for j := range moved.Files[i].Findings {
			if g := moved.Files[i].Findings[j].Region; g != nil {
				g.StartLine += 3
			}
		}
	}
	after := gitlabIssues(t, moved)
	for i := range before {
		if before[i].Fingerprint != after[i].Fingerprint {
			t.Errorf("%s: fingerprint changed when the finding moved down", before[i].CheckName)
		}
	}
	r := fixtureReport()
	f := &r.Files[2]
	for col := range 2 {
		f.Findings = append(f.Findings, finding.Finding{RuleID: "PX103", Severity: finding.SeverityError, File: f.Path,
			Region: &finding.Region{StartLine: 1, StartColumn: 5 + 3*col}, Variable: "$PxNodesSourceAddressPrefixes", Element: `""`, Message: "empty prefix"})
	}
	var prints []string
	for _, is := range gitlabIssues(t, r) {
		if is.CheckName == "PX103" {
			prints = append(prints, is.Fingerprint)
		}
	}
	if len(prints) != 2 || prints[0] == prints[1] {
		t.Errorf("two PX103 findings with one key: fingerprints %v", prints)
	}
}
