package stage

import (
	"testing"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/stage/directive"
)

func TestInline(t *testing.T) {
	fileDir := func(reason string, ids ...string) directive.Directive {
		return directive.Directive{File: true, Rules: ids, Reason: reason,
			Region: finding.Region{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 40}}
	}
	noReason := lineDir("", "", 3, 3, "PX105")
	noReason.Problems = []string{`pxlint-ignore has no reason: add " -- " and why the exception is acceptable`}
	unsuppressible506 := &config.Config{Rules: map[string]config.RuleConfig{"PX506": {ID: "PX506", Suppressible: ptr(true)}}}
	tests := []struct {
		name     string
		cfg      *config.Config
		findings []finding.Finding
		statuses []finding.RuleStatus
		dirs     []directive.Directive
		want     []string
		wantSt   []string
	}{
		{name: "no directives: PX010 passes",
			findings: []finding.Finding{at("PX105", 3, W, "")},
			want:     []string{"PX105@3 warning"}, wantSt: []string{"PX010 pass"}},
		{name: "covers the lines of its statement only",
			findings: []finding.Finding{at("PX105", 3, W, ""), at("PX105", 5, W, ""), at("PX105", 6, W, "")},
			dirs:     []directive.Directive{lineDir("lab", "", 3, 5, "PX105")},
			want:     []string{"PX105@3 warning [inSource: lab]", "PX105@5 warning [inSource: lab]", "PX105@6 warning"},
			wantSt:   []string{"PX010 pass"}},
		{name: "several rules; one matching nothing is PX010",
			findings: []finding.Finding{at("PX105", 3, W, "")},
			dirs:     []directive.Directive{lineDir("lab", "", 3, 3, "PX104", "PX105")},
			want: []string{"PX105@3 warning [inSource: lab]",
				"PX010@2 warning pxlint-ignore PX104 matches no finding on line 3; remove it"},
			wantSt: []string{"PX010 fail"}},
		{name: "file directive covers file-level findings",
			findings: []finding.Finding{at("PX401", 0, E, ""), at("PX401", 9, E, "")},
			dirs:     []directive.Directive{fileDir("pinned by the build agent", "PX401")},
			want:     []string{"PX401@0 error [inSource: pinned by the build agent]", "PX401@9 error [inSource: pinned by the build agent]"},
			wantSt:   []string{"PX010 pass"}},
		{name: "line directive does not cover file-level findings",
			findings: []finding.Finding{at("PX401", 0, E, "")},
			dirs:     []directive.Directive{lineDir("x", "", 3, 3, "PX401")},
			want:     []string{"PX401@0 error", "PX010@2 warning pxlint-ignore PX401 matches no finding on line 3; remove it"},
			wantSt:   []string{"PX010 fail"}},
		{name: "no reason: PX010 and nothing suppressed",
			findings: []finding.Finding{at("PX105", 3, W, "")},
			dirs:     []directive.Directive{noReason},
			want: []string{
				`PX105@3 warning {pxlint-ignore at regions/eu.ps1:2 not applied: pxlint-ignore has no reason: add " -- " and why the exception is acceptable}`,
				`PX010@2 warning pxlint-ignore has no reason: add " -- " and why the exception is acceptable`},
			wantSt: []string{"PX010 fail"}},
		{name: "unknown rule",
			dirs:   []directive.Directive{lineDir("x", "", 3, 3, "PX999")},
			want:   []string{"PX010@2 warning pxlint-ignore names unknown rule PX999"},
			wantSt: []string{"PX010 fail"}},
		{name: "PX010 cannot be suppressed inline",
			dirs:   []directive.Directive{fileDir("x", "PX010")},
			want:   []string{"PX010@1 warning pxlint-ignore-file cannot suppress PX010; disable it or add a waiver in .pxlint.hcl"},
			wantSt: []string{"PX010 fail"}},
		{name: "not suppressible by default (PX506)",
			findings: []finding.Finding{at("PX506", 3, E, "PxWinAdminPassword")},
			dirs:     []directive.Directive{lineDir("x", "", 3, 3, "PX506")},
			want: []string{"PX506@3 error {pxlint-ignore at regions/eu.ps1:2 not applied: PX506 is not suppressible}",
				"PX010@2 warning pxlint-ignore targets PX506, which is not suppressible (suppressible = false): fix the finding instead"},
			wantSt: []string{"PX010 fail"}},
		{name: "suppressible = true in config allows it", cfg: unsuppressible506,
			findings: []finding.Finding{at("PX506", 3, E, "PxWinAdminPassword")},
			dirs:     []directive.Directive{lineDir("lab", "", 3, 3, "PX506")},
			want:     []string{"PX506@3 error [inSource: lab]"},
			wantSt:   []string{"PX010 pass"}},
		{name: "expired until: active with a note, not 'matches nothing'",
			findings: []finding.Finding{at("PX105", 3, W, "")},
			dirs:     []directive.Directive{lineDir("lab", "2026-02-28", 3, 3, "PX105")},
			want:     []string{"PX105@3 warning {pxlint-ignore expired on 2026-02-28 (regions/eu.ps1:2)}"},
			wantSt:   []string{"PX010 pass"}},
		{name: "until today still applies",
			findings: []finding.Finding{at("PX105", 3, W, "")},
			dirs:     []directive.Directive{lineDir("lab", "2026-03-01", 3, 3, "PX105")},
			want:     []string{"PX105@3 warning [inSource: lab]"},
			wantSt:   []string{"PX010 pass"}},
		{name: "a disabled or not_verified rule never 'matches nothing'",
			statuses: []finding.RuleStatus{{RuleID: "PX105", Status: finding.StatusDisabled}, {RuleID: "PX104", Status: finding.StatusNotVerified}},
			dirs:     []directive.Directive{lineDir("x", "", 3, 3, "PX105", "PX104")},
			want:     nil,
			wantSt:   []string{"PX105 disabled", "PX104 not_verified", "PX010 pass"}},
		{name: "overlapping directives: the first suppresses, the second still matched",
			findings: []finding.Finding{at("PX105", 3, W, "")},
			dirs:     []directive.Directive{fileDir("whole file", "PX105"), lineDir("this line", "", 3, 3, "PX105")},
			want:     []string{"PX105@3 warning [inSource: whole file]"},
			wantSt:   []string{"PX010 pass"}},
		{name: "no code after the directive",
			dirs:   []directive.Directive{{Rules: []string{"PX105"}, Reason: "x", Region: finding.Region{StartLine: 9, StartColumn: 1, EndLine: 9, EndColumn: 20}}},
			want:   []string{"PX010@9 warning pxlint-ignore PX105 matches no finding (no code follows it); remove it"},
			wantSt: []string{"PX010 fail"}},
		{name: "PX010 severity from config",
			cfg:    &config.Config{Rules: map[string]config.RuleConfig{"PX010": {ID: "PX010", Severity: ptr(E)}}},
			dirs:   []directive.Directive{lineDir("x", "", 3, 3, "PX999")},
			want:   []string{"PX010@2 error pxlint-ignore names unknown rule PX999"},
			wantSt: []string{"PX010 fail"}},
		{name: "PX010 disabled: no findings, status left to Disable",
			cfg:      &config.Config{Rules: map[string]config.RuleConfig{"PX010": {ID: "PX010", Enabled: ptr(false)}}},
			statuses: []finding.RuleStatus{{RuleID: "PX010", Status: finding.StatusDisabled}},
			dirs:     []directive.Directive{lineDir("x", "", 3, 3, "PX999")},
			want:     nil,
			wantSt:   []string{"PX010 disabled"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fr := &finding.FileResult{Path: "regions/eu.ps1", Findings: tt.findings, Statuses: tt.statuses}
			Inline(fr, env(tt.cfg), tt.dirs)
			check(t, "findings", show(fr.Findings), tt.want)
			check(t, "statuses", showStatuses(fr.Statuses), tt.wantSt)
			for _, f := range fr.Findings {
				if f.RuleID == PX010 && (f.Region == nil || f.File != "regions/eu.ps1") {
					t.Errorf("PX010 must point at the comment: %+v", f)
				}
				if s := f.Suppression; s != nil && (s.Source == "" || s.Kind != KindInSource) {
					t.Errorf("bad inline suppression record %+v", s)
				}
			}
		})
	}
}
