package lint

import (
	"testing"

	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/schema"
)

// TestRuleSetForIsShared: the scripts judged with the same policies and
// schema share one rule set, made once; other policies get their own. Its
// script rules are all but the PX7xx (export) rules.
func TestRuleSetForIsShared(t *testing.T) {
	e := &engine{}
	pol, sch := &policy.Engine{}, &schema.Schema{}
	rs := e.ruleSetFor(pol, sch)
	if e.ruleSetFor(pol, sch) != rs {
		t.Error("the rule set was made again for the same policies and schema")
	}
	if e.ruleSetFor(&policy.Engine{}, sch) == rs {
		t.Error("other policies share the rule set")
	}
	exports := 0
	for _, r := range rs.all {
		if r.Infinity {
			exports++
		}
	}
	if exports == 0 || len(rs.scripts) != len(rs.all)-exports {
		t.Errorf("%d script rules of %d, %d of them export rules", len(rs.scripts), len(rs.all), exports)
	}
	for _, r := range rs.scripts {
		if r.Infinity {
			t.Errorf("%s judges exports, not scripts", r.ID)
		}
	}
}
