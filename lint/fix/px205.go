package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX205 resource-group-collision: the colliding resource group gets the
// template's own name for its role ("$($PxBaseConnName)-TeamsConn-
// $($PxVmssRegion)-static-RG"). Unsafe: a resource group's name changes.
func init() {
	register(Fixer{Rule: rules.PX205, Safety: finding.SafetyUnsafe,
		Summary: "gives the colliding resource group the template's name for its role, built from $PxBaseConnName and $PxVmssRegion",
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			value, _, ok := c.assignedValue(f)
			if !ok || !strings.HasPrefix(value, `"$($PxBaseConnName)-`) {
				return nil
			}
			return c.replaceValue(f, finding.SafetyUnsafe, "use the template's resource-group name")
		}})
}
