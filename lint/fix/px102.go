package fix

import (
	"math/bits"
	"net/netip"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX102 cidr-host-bits: 91.90.42.96/26 has host bits set. Two fixes, both
// unsafe (the NSG admits other addresses): the network address with the
// same length (91.90.42.64/26), or the longer prefix that starts at the
// address written (91.90.42.96/27), when the address was the intent.
func init() {
	register(Fixer{Rule: rules.PX102, Safety: finding.SafetyUnsafe,
		Summary: "replaces the prefix by its network address (91.90.42.96/26 → 91.90.42.64/26) or, as the alternative, by the narrower prefix that starts at the address written (91.90.42.96/27)",
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			_, el := c.element(f)
			if el == nil || el.Kind != model.ElementQuoted {
				return nil
			}
			s, _ := el.Value.(string)
			p, err := netip.ParsePrefix(s)
			if err != nil || !p.Addr().Is4() || p.Masked() == p {
				return nil
			}
			r := regionOf(el.Span)
			network := p.Masked().String()
			out := one("use the network address "+network, finding.SafetyUnsafe, r, quoted(network, el.Quote))
			a := p.Addr().As4()
			n := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
			if narrower := netip.PrefixFrom(p.Addr(), 32-bits.TrailingZeros32(n)); narrower.Bits() > p.Bits() {
				out = append(out, one("use the narrower prefix "+narrower.String(), finding.SafetyUnsafe, r, quoted(narrower.String(), el.Quote))...)
			}
			return out
		}})
}
