package stage

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
)

const (
	E = finding.SeverityError
	W = finding.SeverityWarning
	I = finding.SeverityInfo
)

func TestDisable(t *testing.T) {
	off := &config.Config{Rules: map[string]config.RuleConfig{
		"PX105": {ID: "PX105", Enabled: ptr(false), Source: ".pxlint.hcl:3"},
	}}
	offInLab := &config.Config{Rules: map[string]config.RuleConfig{
		"PX105": {ID: "PX105", Enabled: ptr(false), Paths: []string{"lab/**"}, Source: ".pxlint.hcl:3"},
	}}
	on := &config.Config{Rules: map[string]config.RuleConfig{
		"PX105": {ID: "PX105", Enabled: ptr(true), Source: ".pxlint.hcl:3"},
	}}
	tests := []struct {
		name         string
		cfg          *config.Config
		findings     []finding.Finding
		statuses     []finding.RuleStatus
		want, wantSt []string
	}{
		{"no config", nil,
			[]finding.Finding{at("PX105", 2, W, "")}, []finding.RuleStatus{{RuleID: "PX105", Status: finding.StatusFail}},
			[]string{"PX105@2 warning"}, []string{"PX105 fail"}},
		{"disabled drops findings", off,
			[]finding.Finding{at("PX105", 2, W, ""), at("PX104", 3, E, ""), at("px105", 4, W, "")},
			[]finding.RuleStatus{{RuleID: "PX104", Status: finding.StatusFail}, {RuleID: "PX105", Status: finding.StatusFail}},
			[]string{"PX104@3 error"}, []string{"PX104 fail", "PX105 disabled disabled in .pxlint.hcl:3"}},
		{"disabled without findings gets a status", off, nil, nil,
			nil, []string{"PX105 disabled disabled in .pxlint.hcl:3"}},
		{"paths scope the block", offInLab,
			[]finding.Finding{at("PX105", 2, W, "")}, []finding.RuleStatus{{RuleID: "PX105", Status: finding.StatusFail}},
			[]string{"PX105@2 warning"}, []string{"PX105 fail"}},
		{"enabled = true changes nothing", on,
			[]finding.Finding{at("PX105", 2, W, "")}, nil,
			[]string{"PX105@2 warning"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fr := &finding.FileResult{Path: "regions/eu.ps1", Findings: tt.findings, Statuses: tt.statuses}
			Disable(fr, env(tt.cfg))
			check(t, "findings", show(fr.Findings), tt.want)
			check(t, "statuses", showStatuses(fr.Statuses), tt.wantSt)
		})
	}
}

func TestOverrideSeverity(t *testing.T) {
	cfg := &config.Config{Rules: map[string]config.RuleConfig{
		"PX401": {ID: "PX401", Severity: ptr(I)},
		"PX105": {ID: "PX105", Severity: ptr(E), Paths: []string{"lab/**"}},
	}}
	tests := []struct {
		name     string
		cfg      *config.Config
		findings []finding.Finding
		want     []string
	}{
		{"no config", nil, []finding.Finding{at("PX401", 1, E, "")}, []string{"PX401@1 error"}},
		{"replaces every level", cfg,
			[]finding.Finding{at("PX401", 1, E, ""), at("PX401", 2, W, ""), at("PX104", 3, E, "")},
			[]string{"PX401@1 info", "PX401@2 info", "PX104@3 error"}},
		{"paths scope the block", cfg, []finding.Finding{at("PX105", 1, W, "")}, []string{"PX105@1 warning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fr := &finding.FileResult{Findings: tt.findings}
			OverrideSeverity(fr, env(tt.cfg))
			check(t, "findings", show(fr.Findings), tt.want)
		})
	}
}

func TestWaive(t *testing.T) {
	waivers := func(ws ...config.Waiver) *config.Config { return &config.Config{Waivers: ws} }
	all := config.Waiver{RuleID: "PX208", Reason: "bot name is ours", Source: ".pxlint.hcl:20"}
	tests := []struct {
		name     string
		cfg      *config.Config
		findings []finding.Finding
		want     []string
	}{
		{"no config", nil, []finding.Finding{at("PX208", 1, W, "PxBaseConnName")}, []string{"PX208@1 warning"}},
		{"covers every script without paths or variables", waivers(all),
			[]finding.Finding{at("PX208", 1, W, "PxBaseConnName"), at("PX208", 0, W, ""), at("PX105", 2, W, "")},
			[]string{"PX208@1 warning [external: bot name is ours]", "PX208@0 warning [external: bot name is ours]", "PX105@2 warning"}},
		{"paths must match the script", waivers(config.Waiver{RuleID: "PX208", Reason: "r", Paths: []string{"lab/*.ps1"}}),
			[]finding.Finding{at("PX208", 1, W, "PxBaseConnName")}, []string{"PX208@1 warning"}},
		{"variables match case-insensitively", waivers(config.Waiver{RuleID: "px208", Reason: "r", Variables: []string{"pxbaseconnname"}}),
			[]finding.Finding{at("PX208", 1, W, "PxBaseConnName"), at("PX208", 2, W, "PxOther")},
			[]string{"PX208@1 warning [external: r]", "PX208@2 warning"}},
		{"expired waiver leaves the finding active with a note",
			waivers(config.Waiver{RuleID: "PX208", Reason: "r", Expires: "2026-02-28", Source: ".pxlint.hcl:12"}),
			[]finding.Finding{at("PX208", 1, W, "PxBaseConnName")},
			[]string{"PX208@1 warning {waiver expired on 2026-02-28 (.pxlint.hcl:12)}"}},
		{"a waiver expiring today still applies",
			waivers(config.Waiver{RuleID: "PX208", Reason: "r", Expires: "2026-03-01", Source: ".pxlint.hcl:12"}),
			[]finding.Finding{at("PX208", 1, W, "PxBaseConnName")},
			[]string{"PX208@1 warning [external: r]"}},
		{"a later unexpired waiver wins over an expired one",
			waivers(config.Waiver{RuleID: "PX208", Reason: "old", Expires: "2026-01-31", Source: ".pxlint.hcl:12"},
				config.Waiver{RuleID: "PX208", Reason: "renewed", Expires: "2026-12-31", Source: ".pxlint.hcl:18"}),
			[]finding.Finding{at("PX208", 1, W, "PxBaseConnName")},
			[]string{"PX208@1 warning [external: renewed]"}},
		{"suppressed findings are left alone", waivers(all),
			[]finding.Finding{func() finding.Finding {
				f := at("PX208", 1, W, "")
				f.Suppression = &finding.Suppression{Kind: KindInSource, Justification: "inline"}
				return f
			}()},
			[]string{"PX208@1 warning [inSource: inline]"}},
		{"not suppressible in this script",
			&config.Config{Waivers: []config.Waiver{all}, Rules: map[string]config.RuleConfig{
				"PX208": {ID: "PX208", Suppressible: ptr(false), Paths: []string{"regions/**"}}}},
			[]finding.Finding{at("PX208", 1, W, "")},
			[]string{"PX208@1 warning {waiver at .pxlint.hcl:20 not applied: PX208 is not suppressible here}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fr := &finding.FileResult{Findings: tt.findings}
			Waive(fr, env(tt.cfg))
			check(t, "findings", show(fr.Findings), tt.want)
			for _, f := range fr.Findings {
				if f.Suppression != nil && f.Suppression.Kind == KindExternal && f.Suppression.Source == "" && tt.name != "variables match case-insensitively" {
					t.Errorf("external suppression without source: %+v", f.Suppression)
				}
			}
		})
	}
}

func TestFinish(t *testing.T) {
	supp := func(f finding.Finding, kind string) finding.Finding {
		f.Suppression = &finding.Suppression{Kind: kind}
		return f
	}
	fr := &finding.FileResult{
		Findings: []finding.Finding{
			supp(at("PX208", 3, W, ""), KindExternal),
			supp(at("PX208", 1, W, ""), KindInSource),
			supp(at("PX105", 2, W, ""), KindBaseline),
			at("PX105", 4, W, ""),
			supp(at("PX104", 5, E, ""), KindBaseline),
			at("PX401", 0, W, ""),
		},
		Statuses: []finding.RuleStatus{
			{RuleID: "PX401", Status: finding.StatusNotVerified, Reason: "no facts"},
			{RuleID: "PX208", Status: finding.StatusFail},
			{RuleID: "PX105", Status: finding.StatusFail},
			{RuleID: "PX101", Status: finding.StatusPass},
		},
	}
	Finish(fr)
	check(t, "statuses", showStatuses(fr.Statuses), []string{
		"PX101 pass",
		"PX104 suppressed every finding suppressed (1 baseline)",
		"PX105 fail",
		"PX208 suppressed every finding suppressed (1 inSource, 1 external)",
		"PX401 not_verified no facts",
	})
	check(t, "sorted findings", show(fr.Findings), []string{
		"PX401@0 warning", "PX208@1 warning [inSource: ]", "PX105@2 warning [baseline: ]", "PX208@3 warning [external: ]",
		"PX105@4 warning", "PX104@5 error [baseline: ]",
	})
}

func TestScriptPath(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(repo, "regions", "eu.ps1")
	// inside git: the git top level, whatever the config
	for _, cfg := range []*config.Config{nil, {Dir: filepath.Join(repo, "regions"), Root: repo}} {
		if got := ScriptPath(cfg, script); got != "regions/eu.ps1" {
			t.Errorf("in git, config %v: %q", cfg != nil, got)
		}
	}
	// outside git: the config's folder, else the script's
	loose := filepath.Join(base, "loose", "sub", "a.ps1")
	if got := ScriptPath(&config.Config{Dir: filepath.Join(base, "loose")}, loose); got != "sub/a.ps1" {
		t.Errorf("outside git with config = %q", got)
	}
	if got := ScriptPath(nil, loose); got != "a.ps1" {
		t.Errorf("outside git without config = %q", got)
	}
}

func TestWaiverUsage(t *testing.T) {
	cfg := &config.Config{Waivers: []config.Waiver{
		{RuleID: "PX208", Reason: "r", Source: ".pxlint.hcl:10"},
		{RuleID: "PX105", Reason: "r", Expires: "2026-01-01", Source: ".pxlint.hcl:14"},
		{RuleID: "PX105", Reason: "r", Paths: []string{"lab/*.ps1"}, Source: ".pxlint.hcl:18"},
		{RuleID: "PX104", Reason: "r", Source: ".pxlint.hcl:22"},
	}}
	u := NewUsage()
	e := env(cfg)
	e.Usage = u
	Waive(&finding.FileResult{Findings: []finding.Finding{at("PX208", 1, W, ""), at("PX105", 2, W, "")}}, e)
	var got []string
	for _, w := range u.Unused(cfg) {
		got = append(got, w.Source)
	}
	check(t, "unused waivers", got, []string{".pxlint.hcl:18", ".pxlint.hcl:22"})
	var none *Usage
	if none.Unused(cfg) != nil {
		t.Error("a nil usage lists nothing")
	}
	Waive(&finding.FileResult{Findings: []finding.Finding{at("PX208", 1, W, "")}}, env(cfg)) // untracked: no panic
}
