package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX003 single-quoted-expansion: '$($PxBaseConnName)-RG' becomes
// "$($PxBaseConnName)-RG", so PowerShell expands it. The deployed value
// changes (that is the point), so the fix is unsafe.
func init() {
	register(Fixer{Rule: rules.PX003, Safety: finding.SafetyUnsafe,
		Summary: `turns the single-quoted string into a double-quoted one, so $(...) expands: '$($PxBaseConnName)-RG' → "$($PxBaseConnName)-RG"`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			r, ok := px003Target(c, f)
			if !ok {
				return nil
			}
			from, _, _ := c.offsets(r)
			i := c.tokenIndex(from)
			if i < 0 {
				return nil
			}
			t := c.Tokens[i]
			if t.Kind != ps.TokString || t.Typographic() || tokenRegion(t) != r || !strings.HasPrefix(t.Text, "'") || !strings.HasSuffix(t.Text, "'") || len(t.Text) < 2 {
				return nil
			}
			body := strings.ReplaceAll(t.Text[1:len(t.Text)-1], "''", "'")
			if strings.ContainsAny(body, "\"`\r\n") {
				return nil // the rule's own condition for a mechanical rewrite
			}
			return one("double-quote the string so PowerShell expands it", finding.SafetyUnsafe, r, `"`+body+`"`)
		}})
}

// px003Target is the region of the single-quoted string: the element the
// finding points at, else the right-hand side of the variable's last
// assignment.
func px003Target(c *Context, f *finding.Finding) (finding.Region, bool) {
	if _, el := c.element(f); el != nil {
		return regionOf(el.Span), true
	}
	if f.Element != "" {
		return finding.Region{}, false
	}
	v := c.variable(f.Variable)
	if v == nil || v.Quote != "single" || f.Region == nil || f.Region.StartLine < v.Span.StartLine || f.Region.StartLine > v.Span.EndLine {
		return finding.Region{}, false
	}
	return regionOf(v.ValueSpan), true
}
