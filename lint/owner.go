package lint

import (
	"strings"

	"github.com/pxlint/pxlint/lint/rules"
)

// shapeOwners implements "one problem has one owning rule" (DESIGN, Where
// a finding points) between the CUE schema and the Rego policies: when a
// schema rule reports a variable's whole value as malformed (PX008 a list
// written as one string, PX502 a Teams Connector FQDN that is not a DNS
// name), the built-in policies that judge that value (PX101 on the same
// string, PX303 and PX206 on the same FQDN) skip it instead of reporting
// the same mistake a second time. Script-level rules (PX0xx: duplicate
// assignments, undefined variables) judge something else and still report;
// user policies are never skipped.
type shapeOwners map[string]bool // lower-cased variable names

// claim records a schema violation on variable, whose value is value. A
// type error (PX008) is about the whole value; a format error is only when
// the value is one item: a violation about one name of a list written as
// a string ($PxNodeFqdns = "a.example.com,b_x.example.com") leaves the
// other names to their rules. Element-level violations and PX005 (an
// unknown name) claim nothing.
func (o *shapeOwners) claim(ruleID, variable string, element int, value any) {
	if variable == "" || element >= 0 || ruleID == rules.PX005 {
		return
	}
	if s, isString := value.(string); ruleID != rules.PX008 && (!isString || strings.ContainsAny(strings.TrimSpace(s), ",; ")) {
		return
	}
	if *o == nil {
		*o = shapeOwners{}
	}
	(*o)[strings.ToLower(variable)] = true
}

// owns reports whether a policy result about a variable's whole value is
// owned by a schema violation on it.
func (o shapeOwners) owns(r rules.Rule, variable string, element int) bool {
	if variable == "" || element >= 0 || !o[strings.ToLower(strings.TrimPrefix(variable, "$"))] {
		return false
	}
	return r.Engine != rules.EngineUser && !strings.HasPrefix(r.ID, "PX0")
}
