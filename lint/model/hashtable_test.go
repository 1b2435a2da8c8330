package model

import (
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

// TestHashtableEntryWithoutValue: `@{a=}` is a parse error (PX001) that
// the evaluator must survive (FuzzPlan found it crashing pxlint lint; main
// fixed it in parallel, this keeps the cases).
func TestHashtableEntryWithoutValue(t *testing.T) {
	for _, script := range []string{"$PxTeamsConnInstanceCount = @{a=}\n", "$x = @{a=; b=1}\n", "$x = @{ a = }"} {
		src := ps.Decode([]byte(script))
		res := Evaluate(src, ps.Parse(src, ps.DefaultLimits()), Options{Path: "x.ps1"})
		if res == nil || res.Input == nil {
			t.Errorf("%q: no result", script)
		}
	}
}
