package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX204 resource-group-name: a name ending in "." loses the dots, inside
// the string as written (an expression such as "$($PxBaseConnName)-RG."
// stays an expression). The only mechanical case; unsafe, as the resource
// group's name changes.
func init() {
	register(Fixer{Rule: rules.PX204, Safety: finding.SafetyUnsafe,
		Summary: `drops the trailing "." Azure rejects: "$($PxBaseConnName)-RG." → "$($PxBaseConnName)-RG" (the resource group's name changes)`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			value, rhs, ok := c.assignedValue(f)
			v := c.variable(f.Variable)
			if !ok || v == nil {
				return nil
			}
			name, _ := v.Value.(string)
			want := strings.TrimRight(name, ".")
			if want == name || want == "" || strings.Trim(value, `"'`) != want {
				return nil
			}
			old := c.text(rhs)
			if len(old) < 3 || old[len(old)-1] != '"' && old[len(old)-1] != '\'' {
				return nil
			}
			body := old[:len(old)-1]
			dots := len(body) - len(strings.TrimRight(body, "."))
			if dots != len(name)-len(want) {
				return nil
			}
			_, to, ok := c.offsets(rhs)
			if !ok {
				return nil
			}
			return one("drop the trailing dot", finding.SafetyUnsafe, c.region(to-1-dots, to-1), "")
		}})
}
