package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX008 wrong-type: "false" → $false (a non-empty string is true in
// PowerShell, so the deployed value changes: unsafe). The rule's fix gives
// the assignment to write.
func init() {
	register(Fixer{Rule: rules.PX008, Safety: finding.SafetyUnsafe,
		Summary: `writes the boolean the string spells: "false" → $false (the deployed value changes: PowerShell reads any non-empty string as true)`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			value, _, ok := c.assignedValue(f)
			if !ok || !strings.EqualFold(value, "$true") && !strings.EqualFold(value, "$false") {
				return nil
			}
			return c.replaceValue(f, finding.SafetyUnsafe, "write "+value)
		}})
}
