package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX101 invalid-address: spaces inside the quotes (" 10.0.0.1") are
// trimmed when what remains is a valid address or prefix. Safe: that is
// the address the line obviously holds. Other invalid addresses have no
// mechanical fix.
func init() {
	register(Fixer{Rule: rules.PX101, Safety: finding.SafetySafe,
		Summary: `trims spaces inside the quotes when the rest is a valid address: " 10.0.0.1 " → "10.0.0.1"`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			_, el := c.element(f)
			if el == nil || el.Kind != model.ElementQuoted {
				return nil
			}
			s, ok := el.Value.(string)
			t := strings.TrimSpace(s)
			if !ok || t == s || !rules.ValidIPv4(t) {
				return nil
			}
			return one("trim the spaces", finding.SafetySafe, regionOf(el.Span), quoted(t, el.Quote))
		}})
}
