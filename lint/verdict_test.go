package lint

import (
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

func TestStatuses(t *testing.T) {
	judged := []rules.Rule{{ID: "PX101"}, {ID: "PX102"}, {ID: "PX303"}, {ID: "PX401"}}
	for _, tc := range []struct {
		name     string
		findings []string
		c        *checked
		want     []finding.RuleStatus
	}{
		{
			name:     "fail, not verified, pass with source; a finding of a rule outside the set fails too",
			findings: []string{"PX101", "USR001"},
			c: &checked{notVerified: map[string]string{"PX303": "no certificate", "PX101": "ignored: it failed"},
				sources: map[string]string{"PX401": "facts", "PX101": "script"}},
			want: []finding.RuleStatus{
				{RuleID: "PX101", Status: finding.StatusFail, Source: "script"},
				{RuleID: "PX102", Status: finding.StatusPass},
				{RuleID: "PX303", Status: finding.StatusNotVerified, Reason: "no certificate"},
				{RuleID: "PX401", Status: finding.StatusPass, Source: "facts"},
				{RuleID: "USR001", Status: finding.StatusFail},
			},
		},
		{
			name:     "stopped early: every rule without a finding is not verified, its own reason first",
			findings: []string{"PX102"},
			c:        &checked{notVerified: map[string]string{"PX303": "no certificate"}, sources: map[string]string{}, stopped: "analysis stopped early"},
			want: []finding.RuleStatus{
				{RuleID: "PX101", Status: finding.StatusNotVerified, Reason: "analysis stopped early"},
				{RuleID: "PX102", Status: finding.StatusFail},
				{RuleID: "PX303", Status: finding.StatusNotVerified, Reason: "no certificate"},
				{RuleID: "PX401", Status: finding.StatusNotVerified, Reason: "analysis stopped early"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var fs []finding.Finding
			for _, id := range tc.findings {
				fs = append(fs, finding.Finding{RuleID: id})
			}
			got := statuses(judged, fs, tc.c)
			if len(got) != len(tc.want) {
				t.Fatalf("statuses %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("status %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// The first checker to say why a rule is not verified wins (PX602's and
// PX509's reasons are recorded before PX007's and the policies').
func TestNotVerifiedFirstReasonWins(t *testing.T) {
	c := newChecked()
	c.notVerifiedBecause("PX602", "")
	c.notVerifiedBecause("PX602", "no earlier version")
	c.notVerifiedBecause("PX602", "later")
	if c.notVerified["PX602"] != "no earlier version" {
		t.Errorf("reason = %q", c.notVerified["PX602"])
	}
}

// The one conversion: a verdict's explicit span wins; else the element,
// else the variable's assignment, else the line, else the file; the rule's
// default severity fills an unset one; a value assigned in a dot-sourced
// file points at the file, with the assignment as a related location.
func TestVerdictToFinding(t *testing.T) {
	span := model.Span{StartLine: 3, StartColumn: 1, EndLine: 3, EndColumn: 20}
	in := &model.Input{File: "weu.ps1", Variables: map[string]*model.Variable{
		"PxVmssRegion": {Name: "PxVmssRegion", Span: span},
		"PxMgmtSrcAddrPrefixes": {Name: "PxMgmtSrcAddrPrefixes", Span: span, Elements: []model.Element{
			{Text: `"10.0.0.1/8"`, Span: model.Span{StartLine: 5, StartColumn: 4, EndLine: 5, EndColumn: 16}}}},
		"PxBaseConnName": {Name: "PxBaseConnName", File: "common.ps1", Span: span},
	}}
	j := &judgement{e: &engine{}, s: &script{path: scriptPath{display: "regions/weu.ps1"}}, in: in, rs: newRuleSet(),
		lines: []string{"", "", "", "", "", "", "# seven"}}
	for _, tc := range []struct {
		name    string
		v       verdict
		region  *finding.Region
		sev     finding.Severity
		related int
	}{
		{"span", verdict{rule: "PX001", span: &finding.Region{StartLine: 9, StartColumn: 2, EndLine: 9, EndColumn: 3}, element: -1},
			&finding.Region{StartLine: 9, StartColumn: 2, EndLine: 9, EndColumn: 3}, finding.SeverityError, 0},
		{"element", verdict{rule: "PX102", variable: "PxMgmtSrcAddrPrefixes", element: 0},
			&finding.Region{StartLine: 5, StartColumn: 4, EndLine: 5, EndColumn: 16}, finding.SeverityError, 0},
		{"assignment, severity given", verdict{rule: "PX209", severity: finding.SeverityInfo, variable: "PxVmssRegion", element: -1},
			&finding.Region{StartLine: 3, StartColumn: 1, EndLine: 3, EndColumn: 20}, finding.SeverityInfo, 0},
		{"line", verdict{rule: "PX004", line: 7, element: -1},
			&finding.Region{StartLine: 7, StartColumn: 1, EndLine: 7, EndColumn: 8}, finding.SeverityError, 0},
		{"file", verdict{rule: "PX501", element: -1}, nil, finding.SeverityError, 0},
		{"dot-sourced", verdict{rule: "PX201", variable: "PxBaseConnName", element: -1}, nil, finding.SeverityError, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := j.finding(tc.v)
			if !ok {
				t.Fatal("dropped")
			}
			if (f.Region == nil) != (tc.region == nil) || f.Region != nil && *f.Region != *tc.region {
				t.Errorf("region %+v, want %+v", f.Region, tc.region)
			}
			if f.Severity != tc.sev || f.File != "regions/weu.ps1" || len(f.Related) != tc.related {
				t.Errorf("finding %+v", f)
			}
		})
	}
}
