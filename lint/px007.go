package lint

import (
	"fmt"

	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// The rule PX007 is checkNotEvaluated below; its registry entry is generated from
// this block by `go generate ./lint/rules`.
//
// METADATA
// title: Value a rule needs cannot be evaluated statically
// description: >-
//   A value that a rule needs cannot be known without running the script:
//   `Read-Host`, a cmdlet call, an assignment inside a branch or loop. pxlint
//   never executes the script, so it reports the variable once, with the reason,
//   and marks the rules that needed it `not_verified` rather than `pass`.
//   Variables no rule needs are not reported.
// custom:
//   id: PX007
//   name: not-evaluated
//   severity: info
//   prevents: "false confidence: a clean report for values pxlint could not see"
//   remediation: >-
//     Write the value literally where you can; otherwise accept that those rules
//     are not verified.
//   bad: |-
//     $PxVmssRegion = Read-Host "Region tag"
//   good: |-
//     $PxVmssRegion = "weu"
//   fragment: true

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
			c.verdicts = append(c.verdicts, verdict{rule: rules.PX007, variable: v.Name, element: -1,
				msg: fmt.Sprintf("$%s cannot be evaluated statically (%s); the rules that need it are not verified", v.Name, why),
				fix: fmt.Sprintf("assign $%s a literal value at the top level of the script, or accept that pxlint cannot check it", v.Name)})
		}
	}
}
