package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX502 fqdn: spaces around the name are trimmed (safe); a scheme, port or
// path the rule strips ("https://teams.example.com/" → "teams.example.com")
// is removed, unsafe: the value changes.
func init() {
	register(Fixer{Rule: rules.PX502, Safety: finding.SafetySafe, Mixed: true,
		Summary: `writes the bare DNS name the rule derives: trimming spaces is safe; dropping a scheme, port or path ("https://teams.example.com" → "teams.example.com") is unsafe`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			value, rhs, ok := c.assignedValue(f)
			if !ok {
				return nil
			}
			old := c.text(rhs)
			if len(old) > 2 && len(value) > 2 && old[0] == value[0] && strings.TrimSpace(old[1:len(old)-1]) == value[1:len(value)-1] {
				return c.replaceValue(f, finding.SafetySafe, "trim the spaces")
			}
			return c.replaceValue(f, finding.SafetyUnsafe, "write the bare DNS name")
		}})
}
