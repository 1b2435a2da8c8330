package rules

import (
	"strings"

	"github.com/pxlint/pxlint/lint/suggest"
)

// Lookup finds a built-in rule by its ID or its name, case-insensitively
// ("PX102", "px102", "cidr-host-bits"): every place that takes a rule
// (explain, .pxlint.hcl rule and waiver blocks, `# pxlint-ignore`) accepts
// both, and reports findings under the ID.
func Lookup(idOrName string) (Rule, bool) {
	if r, ok := Get(idOrName); ok {
		return r, true
	}
	for _, r := range registry {
		if strings.EqualFold(r.Name, idOrName) {
			return r, true
		}
	}
	return Rule{}, false
}

// Suggest is the built-in rule ID or name closest to a mistyped one
// ("PX1O2" → "PX102", "cidr-host-bit" → "cidr-host-bits"), for "did you
// mean" in errors.
func Suggest(idOrName string) (string, bool) {
	all := All()
	cands := make([]string, 0, 2*len(all))
	for _, r := range all {
		cands = append(cands, r.ID, r.Name)
	}
	return suggest.Closest(idOrName, cands)
}
