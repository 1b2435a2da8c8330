package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX209 azure-location: a display name ("West Europe") becomes the short
// name ("westeurope"), safe: Azure reads both as the same region. A name
// that is no region becomes the nearest one the rule suggests, unsafe:
// that is a guess at the region meant.
func init() {
	register(Fixer{Rule: rules.PX209, Safety: finding.SafetySafe, Mixed: true,
		Summary: `writes the region's short name: for a display name ("West Europe" → "westeurope") safe, for a name that is no region (the nearest one suggested) unsafe`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			value, _, ok := c.assignedValue(f)
			if !ok {
				return nil
			}
			if f.Severity == finding.SeverityInfo || strings.Contains(f.Message, "display name") {
				return c.replaceValue(f, finding.SafetySafe, "write the short name")
			}
			return c.replaceValue(f, finding.SafetyUnsafe, "write the nearest region "+value)
		}})
}
