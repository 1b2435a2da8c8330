package finding

import "testing"

func TestExitCodeHonoursFailOnAndSuppressions(t *testing.T) {
	warn := Finding{RuleID: "PX104", Severity: SeverityWarning}
	errSuppressed := Finding{RuleID: "PX102", Severity: SeverityError, Suppression: &Suppression{Kind: "inSource", Justification: "lab"}}
	for _, tc := range []struct {
		name     string
		failOn   Threshold
		findings []Finding
		want     int
	}{
		{"no findings", FailOnError, nil, 0},
		{"warning below error threshold", FailOnError, []Finding{warn}, 0},
		{"warning at warning threshold", FailOnWarning, []Finding{warn}, 1},
		{"never", FailNever, []Finding{warn}, 0},
		{"suppressed error never counts", FailOnInfo, []Finding{errSuppressed}, 0},
	} {
		r := &Report{FailOn: tc.failOn, Files: []FileResult{{Path: "a.ps1", Findings: tc.findings}}}
		if got := r.ExitCode(); got != tc.want {
			t.Errorf("%s: exit %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestSortOrdersByLineColumnRule(t *testing.T) {
	at := func(line, col int, id string) Finding {
		return Finding{RuleID: id, File: "a.ps1", Region: &Region{StartLine: line, StartColumn: col}}
	}
	fr := FileResult{Findings: []Finding{at(3, 1, "PX101"), at(1, 5, "PX102"), {RuleID: "PX501", File: "a.ps1"}, at(1, 5, "PX002"), at(1, 2, "PX300")},
		Statuses: []RuleStatus{{RuleID: "PX102"}, {RuleID: "PX001"}}}
	fr.Sort()
	var got []string
	for _, f := range fr.Findings {
		got = append(got, f.RuleID)
	}
	want := []string{"PX501", "PX300", "PX002", "PX102", "PX101"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v (file-level first, then line, column, rule)", got, want)
		}
	}
	if fr.Statuses[0].RuleID != "PX001" {
		t.Errorf("statuses not sorted: %v", fr.Statuses)
	}
}

func TestTallyCountsStatusesAndActiveFindings(t *testing.T) {
	fr := FileResult{
		Statuses: []RuleStatus{{Status: StatusPass}, {Status: StatusFail}, {Status: StatusNotVerified}, {Status: StatusSuppressed}},
		Findings: []Finding{{Severity: SeverityError}, {Severity: SeverityWarning, Suppression: &Suppression{}}},
	}
	c := fr.Tally()
	if c.Pass != 1 || c.Fail != 1 || c.NotVerified != 1 || c.Suppressed != 1 || c.Errors != 1 || c.Warnings != 0 || c.SuppressedFindings != 1 {
		t.Errorf("tally = %+v", c)
	}
}

func TestSeverityNames(t *testing.T) {
	for _, name := range []string{"error", "warning", "info"} {
		s, ok := ParseSeverity(name)
		if !ok || s.String() != name {
			t.Errorf("ParseSeverity(%q) = %v, %v", name, s, ok)
		}
	}
	if s, ok := ParseSeverity("never"); !ok || s != SeverityNone {
		t.Errorf("never = %v, %v", s, ok)
	}
	if _, ok := ParseSeverity("fatal"); ok {
		t.Error("fatal must not parse")
	}
}

func TestFileFailOnComesFromItsConfig(t *testing.T) {
	warningLevel := FailOnWarning
	r := &Report{FailOn: FailOnError, Files: []FileResult{
		{Path: "strict/a.ps1", FailOn: &warningLevel, Findings: []Finding{{File: "strict/a.ps1", Severity: SeverityWarning}}},
		{Path: "lax/b.ps1", Findings: []Finding{{File: "lax/b.ps1", Severity: SeverityWarning}}},
	}}
	if !r.Failing(&r.Files[0].Findings[0]) || r.Failing(&r.Files[1].Findings[0]) {
		t.Error("a warning must fail under its config's fail_on = warning only")
	}
	if r.ExitCode() != 1 {
		t.Error("exit code must be 1")
	}
}

func TestThresholdNames(t *testing.T) {
	for _, tc := range []struct {
		flag, report string
		want         Threshold
	}{
		{"error", "error", FailOnError},
		{"warning", "warning", FailOnWarning},
		{"info", "info", FailOnInfo},
		{"never", "none", FailNever},
	} {
		got, ok := ParseThreshold(tc.flag)
		if !ok || got != tc.want || got.String() != tc.report {
			t.Errorf("ParseThreshold(%q) = %v, %v; want %v written %q", tc.flag, got, ok, tc.want, tc.report)
		}
		if back, ok := ParseThreshold(got.String()); !ok || back != got {
			t.Errorf("%q does not read back: %v", got.String(), back)
		}
	}
	if _, ok := ParseThreshold("fatal"); ok {
		t.Error("fatal must not parse")
	}
}

// A zero Severity in a result means "the rule's default": it is below every
// threshold, and FailNever fails nothing, not even an error.
func TestThresholdIsNotASeverity(t *testing.T) {
	if FailOnInfo.Fails(SeverityNone) {
		t.Error("an unresolved severity must not fail at info")
	}
	if FailNever.Fails(SeverityError) {
		t.Error("never must not fail on an error")
	}
	if !FailOnWarning.Fails(SeverityError) || FailOnError.Fails(SeverityWarning) {
		t.Error("thresholds must order like severities")
	}
}
