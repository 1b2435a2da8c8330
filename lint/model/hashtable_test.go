package model

import (
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

// TestHashtableEntryWithoutValue: `@{a=}` is a parse error (PX001) that
// the evaluator must survive; found by FuzzPlan (lint/planreport), it
// crashed pxlint lint before.
func TestHashtableEntryWithoutValue(t *testing.T) {
	for _, script := range []string{"$PxTeamsConnInstanceCount = @{a=}\n", "$x = @{a=; b=1}\n", "$x = @{ a = }"} {
		src := ps.Decode([]byte(script))
		res := Evaluate(src, ps.Parse(src, ps.DefaultLimits()), Options{Path: "x.ps1"})
		for _, v := range res.Input.Variables {
			if v.Kind != KindUnknown {
				t.Errorf("%q: %s is %s, want unknown", script, v.Name, v.Kind)
			}
		}
	}
}
