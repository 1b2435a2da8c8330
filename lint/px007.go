package lint

import (
	"fmt"

	"github.com/pxlint/pxlint/lint/model"
)

// checkNotEvaluated is PX007 (not-evaluated): a rule that needs a variable
// whose value cannot be evaluated statically is not_verified, and PX007
// reports that variable once, only when some rule needed it. A variable a
// parse error made unknown (markUnparsed) is left to the PX001 finding.
func checkNotEvaluated(c *checked, rs *ruleSet, in *model.Input) {
	reported := map[string]bool{}
	for _, r := range rs.all {
		for _, name := range r.Needs {
			v := lookupVariable(in, name)
			if v == nil || v.Kind != model.KindUnknown {
				continue
			}
			why := v.Reason
			if why == "" {
				why = "it needs execution"
			}
			if unparsed(v) {
				c.notVerifiedBecause(r.ID, fmt.Sprintf("$%s is not verified: %s", v.Name, why))
				continue // the PX001 finding says why
			}
			c.notVerifiedBecause(r.ID, fmt.Sprintf("$%s cannot be evaluated statically (%s)", v.Name, why))
			if reported[v.Name] {
				continue
			}
			reported[v.Name] = true
			c.verdicts = append(c.verdicts, verdict{rule: "PX007", variable: v.Name, element: -1,
				msg: fmt.Sprintf("$%s cannot be evaluated statically (%s); the rules that need it are not verified", v.Name, why),
				fix: fmt.Sprintf("assign $%s a literal value at the top level of the script, or accept that pxlint cannot check it", v.Name)})
		}
	}
}
