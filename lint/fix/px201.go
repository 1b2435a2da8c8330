package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX201 base-name: upper case is lower-cased ("Fabrikam" → "fabrikam").
// Unsafe: every derived resource name changes. Other base-name problems
// (too long, other characters) need a name only the user can choose.
func init() {
	register(Fixer{Rule: rules.PX201, Safety: finding.SafetyUnsafe,
		Summary: `lower-cases a base name whose only problem is upper case: "Fabrikam" → "fabrikam" (every derived resource name changes)`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			value, rhs, ok := c.assignedValue(f)
			if !ok || strings.ToLower(c.text(rhs)) != value || c.text(rhs) == value {
				return nil
			}
			return c.replaceValue(f, finding.SafetyUnsafe, "lower-case the base name")
		}})
}
