package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
)

// PX204 resource-group-name: a name ending in "." loses the dot (the only
// mechanical case). Unsafe: the resource group's name changes.
func init() {
	register(Fixer{Rule: "PX204", Safety: finding.SafetyUnsafe,
		Summary: `drops the trailing "." Azure rejects: "fabrikam-RG." → "fabrikam-RG" (the resource group's name changes)`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			value, rhs, ok := c.assignedValue(f)
			old := c.text(rhs)
			if !ok || len(old) < 3 || strings.TrimRight(old[:len(old)-1], ".")+old[len(old)-1:] != value {
				return nil
			}
			return c.replaceValue(f, finding.SafetyUnsafe, "drop the trailing dot")
		}})
}
