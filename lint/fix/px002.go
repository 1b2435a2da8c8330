package fix

import (
	"regexp"
	"sync"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX002 unquoted-address: a bare 80.213.4.17 evaluates to $null (or a
// number); quoting it restores the obvious intent, so the fix is safe.
func init() {
	register(Fixer{Rule: rules.PX002, Safety: finding.SafetySafe,
		Summary: `quotes the bare address or prefix as written: 80.213.4.17 → "80.213.4.17"`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			if f.Region == nil {
				return nil
			}
			text := c.text(*f.Region)
			if _, el := c.element(f); el != nil {
				if el.Kind != model.ElementBare || text != el.Text {
					return nil
				}
			} else if v := c.variable(f.Variable); v == nil || regionOf(v.ValueSpan) != *f.Region || v.Quote != "" || text != v.Text {
				return nil
			}
			if text == "" || !bareAddress().MatchString(text) {
				return nil
			}
			return one("quote "+text, finding.SafetySafe, *f.Region, `"`+text+`"`)
		}})
}

// bareAddress matches an IPv4 address or prefix as PX002 finds it written.
var bareAddress = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d+\.\d+(\.\d+)*(/\d*)?$`) })
