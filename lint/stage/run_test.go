package stage

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/internal/golden"
	"github.com/pxlint/pxlint/lint/stage/baseline"
	"github.com/pxlint/pxlint/lint/stage/directive"
)

const chainConfig = `pxlint {
  fail_on = "error"
}
rule "PX104" {
  enabled = false
}
rule "PX105" {
  severity = "error"
}
waiver "PX105" {
  variables = ["PxMgmtSrcAddrPrefixes"]
  reason    = "management range reviewed"
  expires   = "2026-12-31"
}
waiver "PX208" {
  reason  = "bot name is ours"
  expires = "2026-01-31"
}
`

// TestChainOrder runs the whole pipeline over one file where every stage
// boundary matters, checks each ordering consequence explicitly, and keeps
// the full result as a golden file.
func TestChainOrder(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, config.FileName)
	cfg, err := config.Parse([]byte(chainConfig), cfgPath, fakeLookup)
	if err != nil {
		t.Fatal(err)
	}
	el := func(f finding.Finding, e string) finding.Finding { f.Element = e; return f }
	fr := &finding.FileResult{
		Path: "regions/eu.ps1",
		Findings: []finding.Finding{
			at("PX104", 2, E, "PxNodesSourceAddressPrefixes"),                     // disabled
			el(at("PX105", 4, W, "PxNodesSourceAddressPrefixes"), `"0.0.0.0/0"`),  // inline + baseline
			el(at("PX105", 6, W, "PxMgmtSrcAddrPrefixes"), `"10.0.0.0/8"`),        // waiver + baseline
			el(at("PX105", 8, W, "PxNodesSourceAddressPrefixes"), `"10.0.0.0/8"`), // expired inline, then baseline
			at("PX208", 10, W, "PxBaseConnName"),                                  // expired waiver
			el(at("PX105", 12, W, "PxNodesSourceAddressPrefixes"), `"1.0.0.0/8"`), // new: active error
			at("PX506", 14, E, "PxWinAdminPassword"),                              // not suppressible
		},
		Statuses: []finding.RuleStatus{
			{RuleID: "PX104", Status: finding.StatusFail}, {RuleID: "PX105", Status: finding.StatusFail},
			{RuleID: "PX208", Status: finding.StatusFail}, {RuleID: "PX506", Status: finding.StatusFail},
		},
	}
	dirs := []directive.Directive{
		lineDir("disabled anyway", "", 2, 2, "PX104"),
		lineDir("temporary", "", 4, 4, "PX105"),
		lineDir("expired exception", "2026-02-01", 8, 8, "PX105"),
		lineDir("please", "", 14, 14, "PX506"),
	}
	base := &baseline.Baseline{Path: "pxlint-baseline.json", Entries: []baseline.Entry{
		{Key: baseline.Key{Rule: "PX105", Path: "regions/eu.ps1", Variable: "PxNodesSourceAddressPrefixes", Element: `"0.0.0.0/0"`}, Count: 1},
		{Key: baseline.Key{Rule: "PX105", Path: "regions/eu.ps1", Variable: "PxMgmtSrcAddrPrefixes", Element: `"10.0.0.0/8"`}, Count: 1},
		{Key: baseline.Key{Rule: "PX105", Path: "regions/eu.ps1", Variable: "PxNodesSourceAddressPrefixes", Element: `"10.0.0.0/8"`}, Count: 1},
	}}
	m := base.Matcher()
	Run(fr, Env{Config: cfg, Rules: fakeLookup, Now: now, Script: "regions/eu.ps1"}, dirs, m)
	report := &finding.Report{FailOn: *cfg.FailOn, Files: []finding.FileResult{*fr}}

	byLine := map[int]*finding.Finding{}
	for i := range fr.Findings {
		if f := &fr.Findings[i]; f.RuleID != PX010 {
			byLine[f.Region.StartLine] = f
		}
	}
	kind := func(line int) string {
		if f := byLine[line]; f != nil && f.Suppression != nil {
			return f.Suppression.Kind
		}
		return ""
	}
	// disable before inline: the finding is gone and its directive is not "matches nothing"
	if byLine[2] != nil {
		t.Error("disabled PX104 finding kept")
	}
	for _, f := range fr.Findings {
		if f.RuleID == PX010 && f.Region.StartLine == 1 {
			t.Errorf("directive for a disabled rule reported: %s", f.Message)
		}
	}
	// severity before everything: every PX105 finding is an error, suppressed or not
	for line, f := range byLine {
		if f.RuleID == "PX105" && f.Severity != E {
			t.Errorf("PX105@%d severity %s, want error", line, f.Severity)
		}
	}
	// inline before waiver and baseline; waiver before baseline
	for line, want := range map[int]string{4: KindInSource, 6: KindExternal, 8: KindBaseline, 10: "", 12: "", 14: ""} {
		if got := kind(line); got != want {
			t.Errorf("finding on line %d suppressed as %q, want %q", line, got, want)
		}
	}
	// the baseline counts the earlier stages did not need stay unused
	if got := len(m.Unused()); got != 2 {
		t.Errorf("unused baseline entries = %d, want 2 (lines 4 and 6 were suppressed earlier)", got)
	}
	// fail-on last: the new PX105 (raised to error) and the PX506 fail the run,
	// the PX208 warning with an expired waiver does not
	if got := report.ExitCode(); got != 1 {
		t.Errorf("exit code = %d, want 1", got)
	}
	if byLine[10].Note != "waiver expired on 2026-01-31 (.pxlint.hcl:15)" {
		t.Errorf("expired waiver note = %q", byLine[10].Note)
	}

	got, err := json.MarshalIndent(struct {
		ExitCode int                 `json:"exit_code"`
		Result   *finding.FileResult `json:"result"`
		Unused   []baseline.Entry    `json:"unused_baseline"`
	}{report.ExitCode(), fr, m.Unused()}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden.Check(t, filepath.Join("testdata", "chain.golden.json"), got)
}
