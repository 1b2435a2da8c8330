package schema

import (
	"fmt"
	"regexp"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"

	"github.com/pxlint/pxlint/lint/rules"
)

// The rule PX509 is this file's check of the variables declared in
// .pxlint.hcl; its registry entry is generated from this block.
//
// METADATA
// title: Value outside the type or pattern declared in .pxlint.hcl
// description: >-
//   A variable declared with a `variable` block in `.pxlint.hcl` (a site's own,
//   or one a newer Teams Connector release reads that the catalog does not know:
//   VM size, private routing, Event Hub, ...) has a value that does not satisfy
//   its declared CUE `type` or does not match its `pattern` (every string of a
//   list must). Declared variables are known to PX005, required ones are PX501's
//   when missing or empty, and one with a `parameter` must be passed to
//   `create_vmss_deployment.ps1` as that parameter (PX601), like the built-in
//   ones.
// custom:
//   id: PX509
//   name: declared-variable
//   severity: error
//   prevents: "a newer release's setting deployed with a value it rejects"
//   remediation: >-
//     Write a value of the declared type that matches the pattern, or correct
//     the declaration.
//   bad: |-
//     # .pxlint.hcl: variable "PxVmSize" { pattern = "^Standard_" }
//     $PxVmSize = "D4s_v5"
//   good: |-
//     $PxVmSize = "Standard_D4s_v5"
//   fragment: true

// RuleDeclaredVariable is the rule of a variable declared in .pxlint.hcl
// whose value does not fit its declared type or pattern.
const RuleDeclaredVariable = rules.PX509

// Declared is a variable the catalog does not know, declared in
// .pxlint.hcl for a site or a newer release: known to PX005 and validated
// against its CUE type and pattern like the built-in variables.
type Declared struct {
	Name    string // without `$`
	Type    string // a CUE type expression
	Pattern string // RE2, for every string of the value; "" for none
	Source  string // where it is declared, for messages
}

// CheckType reports whether a declared CUE type expression compiles, so a
// config with a broken one is bad input (exit 2) rather than a finding.
func CheckType(expr string) error {
	v := cuecontext.New().CompileString(expr)
	if err := v.Err(); err != nil {
		return fmt.Errorf("type %q is not a CUE type: %w", expr, err)
	}
	return nil
}

// declaredFor finds the declaration of a variable name (case-insensitively).
func declaredFor(list []Declared, name string) (Declared, bool) {
	for _, d := range list {
		if strings.EqualFold(d.Name, name) {
			return d, true
		}
	}
	return Declared{}, false
}

// checkDeclared validates the values of declared variables. A fresh CUE
// context per call keeps Validate safe for concurrent use; only scripts of
// configs that declare variables pay for it.
func checkDeclared(list []Declared, values map[string]any) []Violation {
	if len(list) == 0 {
		return nil
	}
	var ctx *cue.Context
	var out []Violation
	for _, d := range list {
		var name string
		var raw any
		for n, v := range values {
			if strings.EqualFold(n, d.Name) {
				name, raw = n, v
				break
			}
		}
		v, ok := normalize(raw, 0)
		if name == "" || !ok || v == nil || isBlank(v) {
			continue // missing or "" is PX501's when required
		}
		if ctx == nil {
			ctx = cuecontext.New()
		}
		typ := ctx.CompileString(d.Type)
		if err := typ.Unify(ctx.Encode(v)).Validate(cue.Concrete(true)); err != nil {
			out = append(out, Violation{RuleID: RuleDeclaredVariable, Variable: name, Element: -1,
				Message: fmt.Sprintf("$%s %s is not of the type %s declared in %s", name, describe(v), d.Type, d.Source)})
			continue
		}
		if d.Pattern == "" {
			continue
		}
		re, err := regexp.Compile(d.Pattern)
		if err != nil {
			continue // the config loader rejects it
		}
		switch x := v.(type) {
		case string:
			if !re.MatchString(x) {
				out = append(out, Violation{RuleID: RuleDeclaredVariable, Variable: name, Element: -1,
					Message: fmt.Sprintf("$%s %s does not match the pattern %s declared in %s", name, describe(v), d.Pattern, d.Source)})
			}
		case []any:
			for i, el := range x {
				if s, ok := el.(string); ok && !re.MatchString(s) {
					out = append(out, Violation{RuleID: RuleDeclaredVariable, Variable: name, Element: i,
						Message: fmt.Sprintf("%q in $%s does not match the pattern %s declared in %s", s, name, d.Pattern, d.Source)})
				}
			}
		}
	}
	return out
}
