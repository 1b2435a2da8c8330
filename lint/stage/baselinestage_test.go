package stage

import (
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/stage/baseline"
)

func TestBaselineStage(t *testing.T) {
	key := func(rule, variable, element string) baseline.Key {
		return baseline.Key{Rule: rule, Path: "regions/eu.ps1", Variable: variable, Element: element}
	}
	withElement := func(f finding.Finding, el string) finding.Finding { f.Element = el; return f }
	tests := []struct {
		name     string
		entries  []baseline.Entry
		findings []finding.Finding
		want     []string
		unused   int
	}{
		{name: "no baseline", findings: []finding.Finding{at("PX105", 3, W, "PxA")}, want: []string{"PX105@3 warning"}},
		{name: "a count of one suppresses the first of two identical findings",
			entries:  []baseline.Entry{{Key: key("PX105", "PxA", `"0.0.0.0/0"`), Count: 1}},
			findings: []finding.Finding{withElement(at("PX105", 9, W, "PxA"), `"0.0.0.0/0"`), withElement(at("PX105", 4, W, "PxA"), `"0.0.0.0/0"`)},
			want:     []string{"PX105@9 warning", "PX105@4 warning [baseline: recorded in the baseline]"}},
		{name: "lines do not matter, elements do",
			entries:  []baseline.Entry{{Key: key("PX105", "PxA", `"0.0.0.0/0"`), Count: 1}},
			findings: []finding.Finding{withElement(at("PX105", 40, W, "PxA"), `"1.0.0.0/1"`)},
			want:     []string{"PX105@40 warning"}, unused: 1},
		{name: "suppressed findings do not use up counts",
			entries: []baseline.Entry{{Key: key("PX208", "PxB", ""), Count: 1}},
			findings: []finding.Finding{
				func() finding.Finding {
					f := at("PX208", 1, W, "PxB")
					f.Suppression = &finding.Suppression{Kind: KindExternal, Justification: "waiver"}
					return f
				}(),
				at("PX208", 2, W, "PxB"),
			},
			want: []string{"PX208@1 warning [external: waiver]", "PX208@2 warning [baseline: recorded in the baseline]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m *baseline.Matcher
			if tt.entries != nil {
				m = (&baseline.Baseline{Path: "pxlint-baseline.json", Entries: tt.entries}).Matcher()
			}
			fr := &finding.FileResult{Findings: tt.findings}
			Baseline(fr, env(nil), m)
			check(t, "findings", show(fr.Findings), tt.want)
			if got := len(m.Unused()); got != tt.unused {
				t.Errorf("unused entries = %d, want %d", got, tt.unused)
			}
			for _, f := range fr.Findings {
				if s := f.Suppression; s != nil && s.Kind == KindBaseline && s.Source != "pxlint-baseline.json" {
					t.Errorf("baseline suppression source = %q", s.Source)
				}
			}
		})
	}
}
