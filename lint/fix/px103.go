package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX103 empty-prefix: the empty element is removed with its comma. Unsafe:
// the array the deployment receives changes (an empty prefix list means
// "open to all", so the last element is never removed).
func init() {
	register(Fixer{Rule: rules.PX103, Safety: finding.SafetyUnsafe,
		Summary: `removes the "" element and its comma (never the last element: @() would open port 443 to everyone)`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			v, el := c.element(f)
			if el == nil || el.Kind != model.ElementQuoted {
				return nil
			}
			if s, _ := el.Value.(string); strings.TrimSpace(s) != "" || !hasOtherElement(v, el) {
				return nil
			}
			r, ok := c.removeElement(el)
			if !ok {
				return nil
			}
			return one("remove the empty element", finding.SafetyUnsafe, r, "")
		}})
}

// hasOtherElement reports whether the array keeps a non-empty element
// once el is removed.
func hasOtherElement(v *model.Variable, el *model.Element) bool {
	for i := range v.Elements {
		o := &v.Elements[i]
		if s, ok := o.Value.(string); o != el && (o.Kind != model.ElementQuoted || !ok || strings.TrimSpace(s) != "") {
			return true
		}
	}
	return false
}
