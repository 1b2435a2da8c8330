package stage

import (
	"fmt"
	"testing"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/stage/baseline"
	"github.com/pxlint/pxlint/lint/stage/directive"
)

// BenchmarkRun measures the whole pipeline on a large file: 1000 findings,
// 100 directives, 20 waivers and a 500-entry baseline.
func BenchmarkRun(b *testing.B) {
	cfg := &config.Config{Rules: map[string]config.RuleConfig{
		"PX105": {ID: "PX105", Severity: ptr(E)},
		"PX104": {ID: "PX104", Enabled: ptr(false), Paths: []string{"lab/**"}},
	}}
	for i := range 20 {
		cfg.Waivers = append(cfg.Waivers, config.Waiver{RuleID: "PX208", Reason: "r",
			Paths: []string{"regions/**/*.ps1"}, Variables: []string{fmt.Sprintf("PxVar%d", i)}, Source: "x:1"})
	}
	var entries []baseline.Entry
	for i := range 500 {
		entries = append(entries, baseline.Entry{Key: baseline.Key{Rule: "PX105", Path: "regions/eu.ps1", Variable: fmt.Sprintf("PxVar%d", i)}, Count: 1})
	}
	base := &baseline.Baseline{Entries: entries}
	var dirs []directive.Directive
	for i := range 100 {
		dirs = append(dirs, lineDir("r", "", i*10+2, i*10+2, "PX105"))
	}
	mk := func() *finding.FileResult {
		fr := &finding.FileResult{Path: "regions/eu.ps1"}
		for i := range 1000 {
			rule := []string{"PX105", "PX208", "PX104"}[i%3]
			fr.Findings = append(fr.Findings, at(rule, i+1, W, fmt.Sprintf("PxVar%d", i%40)))
		}
		return fr
	}
	e := env(cfg)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		fr := mk()
		m := base.Matcher()
		b.StartTimer()
		Run(fr, e, dirs, m)
	}
}
