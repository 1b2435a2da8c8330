package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

func TestVerdictInPlainWords(t *testing.T) {
	nv := func(ids ...string) []finding.RuleStatus {
		var out []finding.RuleStatus
		for _, id := range ids {
			out = append(out, finding.RuleStatus{RuleID: id, Status: finding.StatusNotVerified, Reason: "no input"})
		}
		return out
	}
	errF := finding.Finding{RuleID: "PX102", Severity: finding.SeverityError, File: "a.ps1", Message: "m"}
	warnF := finding.Finding{RuleID: "PX105", Severity: finding.SeverityWarning, File: "a.ps1", Message: "m"}
	for _, tc := range []struct {
		name     string
		failOn   finding.Threshold
		findings []finding.Finding
		statuses []finding.RuleStatus
		want     string
	}{
		{"clean, inputs missing", finding.FailOnError, nil, nv("PX303", "PX403", "PX207", "PX101"),
			"ready to deploy: no errors; still to check before deploying: certificate (pass --cert), workstation facts (run pxlint preflight, pass --facts), Azure inventory (pass --inventory)"},
		{"clean, everything verified", finding.FailOnError, nil, nil, "ready to deploy: no errors"},
		{"warnings under fail-on error", finding.FailOnError, []finding.Finding{warnF}, nil, "ready to deploy: no errors, 1 warning to review"},
		{"errors", finding.FailOnError, []finding.Finding{errF, errF, warnF}, nil, "not ready to deploy: 2 errors to fix (fail-on error)"},
		{"warnings under fail-on warning", finding.FailOnWarning, []finding.Finding{warnF}, nil, "not ready to deploy: 1 warning to fix (fail-on warning)"},
		{"errors under fail-on never", finding.FailNever, []finding.Finding{errF}, nv("PX309"),
			"not ready to deploy: 1 error to fix (exit code 0: fail-on never); still to check before deploying: node certificates (pass --node-cert)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &finding.Report{FailOn: tc.failOn, Files: []finding.FileResult{{Path: "a.ps1", Findings: tc.findings, Statuses: tc.statuses}}}
			if got := verdict(newPalette(false), r, r.Files[0].Tally(), indexRules(rules.All())); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// An Infinity export deploys nothing: the verdict of a run that judged
// only exports says whether Teams calls can route, and a run that also
// judged scripts keeps "deploy".
func TestVerdictOfInfinityExport(t *testing.T) {
	pass := func(ids ...string) []finding.RuleStatus {
		var out []finding.RuleStatus
		for _, id := range ids {
			out = append(out, finding.RuleStatus{RuleID: id, Status: finding.StatusPass})
		}
		return out
	}
	nv := finding.RuleStatus{RuleID: rules.PX707, Status: finding.StatusNotVerified, Reason: "no variables script to compare with"}
	errF := finding.Finding{RuleID: rules.PX704, Severity: finding.SeverityError, File: "export", Message: "m"}
	export := finding.FileResult{Path: "export", Statuses: append(pass(rules.PX701, rules.PX704), nv)}
	failing := export
	failing.Findings = []finding.Finding{errF}
	script := finding.FileResult{Path: "a.ps1", Statuses: pass(rules.PX101)}
	for _, tc := range []struct {
		name  string
		files []finding.FileResult
		want  string
	}{
		{"clean export", []finding.FileResult{export}, "ready for Teams calls: no errors"},
		{"failing export", []finding.FileResult{failing}, "not ready for Teams calls: 1 error to fix (fail-on error)"},
		{"export and scripts", []finding.FileResult{export, script}, "ready to deploy: no errors"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &finding.Report{FailOn: finding.FailOnError, Files: tc.files}
			var c finding.Count
			for i := range r.Files {
				c = c.Add(r.Files[i].Tally())
			}
			if got := verdict(newPalette(false), r, c, indexRules(rules.All())); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestPrettyEmptyRunSaysNothingWasLinted(t *testing.T) {
	var buf bytes.Buffer
	r := &finding.Report{Notices: []string{"no variables script found (no .ps1 file assigns a $Px variable)"}}
	if err := writePretty(&buf, r, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "PASS") || strings.Contains(out, "fail-on") || !strings.Contains(out, "nothing to check: no variables script found") {
		t.Errorf("empty run printed:\n%s", out)
	}
}

func TestNotVerifiedIsOneLinePerFileUnlessVerbose(t *testing.T) {
	r := &finding.Report{FailOn: finding.FailOnError, Files: []finding.FileResult{{Path: "a.ps1",
		Statuses: append(nvStatuses("PX301", "PX302", "PX403", "PX404", "PX207"), finding.RuleStatus{RuleID: "PX210", Status: finding.StatusNotVerified, Reason: "no Connect-AzAccount"})}}}
	var short, long bytes.Buffer
	_ = writePretty(&short, r, nil, Options{})
	_ = writePretty(&long, r, nil, Options{Verbose: true})
	if n := strings.Count(short.String(), "not verified"); n != 3 { // the file's count, its one line, the total's count
		t.Errorf("default output has %d not-verified mentions:\n%s", n, short.String())
	}
	if !strings.Contains(short.String(), "  not verified: certificate, workstation facts, Azure inventory, 1 other rule — see --verbose\n") {
		t.Errorf("no one-line summary:\n%s", short.String())
	}
	if !strings.Contains(long.String(), "not verified PX210: no Connect-AzAccount") {
		t.Errorf("--verbose lacks the reasons:\n%s", long.String())
	}
}

func TestTopicsPhraseWithoutNamedInputs(t *testing.T) {
	if got := topicsPhrase(notVerifiedTopics(nvStatuses("PX716", "PX717"))); got != "2 rules" {
		t.Errorf("got %q, want \"2 rules\"", got)
	}
	if got := topicsPhrase(notVerifiedTopics(nvStatuses("PX303", "PX716"))); got != "certificate, 1 other rule" {
		t.Errorf("got %q", got)
	}
}

func nvStatuses(ids ...string) []finding.RuleStatus {
	var out []finding.RuleStatus
	for _, id := range ids {
		out = append(out, finding.RuleStatus{RuleID: id, Status: finding.StatusNotVerified, Reason: "missing input"})
	}
	return out
}
