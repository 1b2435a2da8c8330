package fix

import (
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX106 overlapping-prefix: the element listed twice, or contained in
// another prefix of the same list, is removed with its comma. Safe: the
// addresses the NSG admits stay the same. Only an element written in the
// variable's own assignment (one appended from $PxMgmtSrcAddrPrefixes
// belongs to that list).
func init() {
	register(Fixer{Rule: rules.PX106, Safety: finding.SafetySafe,
		Summary: "removes the redundant element (listed twice, or inside another prefix of the list) and its comma",
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			if f.Fix != "remove this element" {
				return nil
			}
			_, el := c.element(f)
			if el == nil {
				return nil
			}
			r, ok := c.removeElement(el)
			if !ok {
				return nil
			}
			return one("remove the redundant element", finding.SafetySafe, r, "")
		}})
}
