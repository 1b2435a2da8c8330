package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

// TestDoublingExpansions: 64 chained doubling expansions would need 2^64
// characters; the value-size bound stops them, and the work counter shows
// the evaluator did a bounded amount of work.
func TestDoublingExpansions(t *testing.T) {
	var b strings.Builder
	b.WriteString("$PxA0 = \"x\"\n")
	for i := 1; i <= 64; i++ {
		fmt.Fprintf(&b, "$PxA%d = \"$PxA%d$PxA%d\"\n", i, i-1, i-1)
	}
	r := evaluate(t, b.String())
	if r.Stats.BoundHits == 0 {
		t.Fatalf("no bound fired: stats %+v", r.Stats)
	}
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Rule != ps.RuleAnalysisLimit {
		t.Fatalf("diagnostics = %+v, want one PX011", r.Diagnostics)
	}
	// 2^20 characters fit the 1 MiB bound; the 21st doubling does not.
	if d := r.Diagnostics[0]; d.Span.Start.Line != 22 || !strings.Contains(d.Message, "size limit") {
		t.Errorf("diagnostic = %+v, want it on line 22 (PxA21)", d)
	}
	if v := variable(t, r, "PxA20"); v.Kind != KindString || len(v.Value.(string)) != 1<<20 {
		t.Errorf("PxA20 = %s", v.Kind)
	}
	for _, n := range []string{"PxA21", "PxA64"} {
		if v := variable(t, r, n); v.Kind != KindUnknown || !strings.Contains(v.Reason, "size limit") {
			t.Errorf("%s = %s (%s), want unknown for the size limit", n, v.Kind, v.Reason)
		}
	}
	if r.Stats.Work > 3<<20 {
		t.Errorf("work = %d, want about 2^21 characters", r.Stats.Work)
	}
}

func TestBounds(t *testing.T) {
	small := func(o *Options) {
		o.Limits = Limits{MaxValueChars: 100, MaxArrayLen: 50, MaxWork: 1000}
	}
	for _, tc := range []struct {
		name    string
		script  string
		varName string
		message string
	}{
		{"string repetition", `$PxA = "ab" * 1000`, "PxA", "size limit"},
		{"huge repetition count", `$PxA = "ab" * 1000000000000`, "PxA", "size limit"},
		{"concatenation", lines(`$PxB = "x" * 60`, `$PxA = $PxB + $PxB`), "PxA", "size limit"},
		{"join", lines(`$PxB = @("aaaaaaaaaa") * 20`, `$PxA = $PxB -join ""`), "PxA", "size limit"},
		{"format", lines(`$PxB = "y" * 90`, `$PxA = "{0}{0}" -f $PxB`), "PxA", "size limit"},
		{"range", `$PxA = 1..1000000000`, "PxA", "length limit"},
		{"array repetition", `$PxA = @(1, 2) * 100`, "PxA", "length limit"},
		{"array doubling", lines(`$PxA = @(1)`, strings.Repeat("$PxA = $PxA + $PxA\n", 40)), "PxA", "length limit"},
		{"work", strings.Repeat("$PxA = \"$('z' * 90)\"\n", 20), "PxA", "work limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate(t, tc.script, small)
			if r.Stats.BoundHits == 0 || len(r.Diagnostics) == 0 {
				t.Fatalf("no bound fired: %+v", r.Stats)
			}
			for _, d := range r.Diagnostics {
				if d.Rule != ps.RuleAnalysisLimit || d.Span.IsZero() {
					t.Errorf("diagnostic %+v, want PX011 with a span", d)
				}
			}
			if !strings.Contains(r.Diagnostics[0].Message, tc.message) {
				t.Errorf("diagnostic %q, want %q", r.Diagnostics[0].Message, tc.message)
			}
			if v := variable(t, r, tc.varName); v.Kind != KindUnknown {
				t.Errorf("%s = %s, want unknown", tc.varName, v.Kind)
			}
		})
	}
}

// TestHostileNesting: the parser bounds the nesting of 20,000 `@(`; the
// evaluator must end too, with a PX011 among the diagnostics.
func TestHostileNesting(t *testing.T) {
	script := "$PxA = " + strings.Repeat("@(", 20000) + "1" + strings.Repeat(")", 20000)
	src := ps.NewSource(script)
	f := ps.Parse(src, ps.DefaultLimits())
	r := Evaluate(src, f, Options{Path: "x.ps1"})
	found := false
	for _, d := range append(f.Diagnostics, r.Diagnostics...) {
		found = found || d.Rule == ps.RuleAnalysisLimit
	}
	if !found {
		t.Errorf("no PX011 for 20,000 nested arrays (parse %+v, evaluate %+v)", f.Diagnostics, r.Diagnostics)
	}
}

// TestEvaluatorNesting: the evaluator's own nesting bound fires for input
// the parser accepts (a low MaxNesting stands in for a deep tree).
func TestEvaluatorNesting(t *testing.T) {
	script := "$PxA = " + strings.Repeat("(", 30) + "1" + strings.Repeat(")", 30)
	r := evaluate(t, script, func(o *Options) { o.Limits = Limits{MaxNesting: 10} })
	if r.Stats.BoundHits == 0 || len(r.Diagnostics) != 1 || !strings.Contains(r.Diagnostics[0].Message, "nested") {
		t.Fatalf("diagnostics %+v stats %+v", r.Diagnostics, r.Stats)
	}
	if v := variable(t, r, "PxA"); v.Kind != KindUnknown {
		t.Errorf("PxA = %s", v.Kind)
	}
}

func TestNilInputs(t *testing.T) {
	r := Evaluate(nil, nil, Options{})
	if r.Input == nil || r.Input.SchemaVersion != SchemaVersion || r.Input.Variables == nil || r.Input.Source.Lines != 0 {
		t.Errorf("result for nil input = %+v", r.Input)
	}
}
