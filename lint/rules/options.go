package rules

import (
	"fmt"
	"net/netip"
	"regexp"
	"sync"
)

// OptionKind is the type of value a rule option takes in .pxlint.hcl.
type OptionKind string

// Option kinds.
const (
	OptionInteger OptionKind = "integer"
	// OptionNames is a list of short names (base names, region names):
	// letters, digits, '-' and '_', 1 to 64 characters each.
	OptionNames OptionKind = "names"
	// OptionAddresses is a list of public IPv4 addresses or CIDR prefixes
	// without host bits (85.10.200.7, 85.10.200.0/28).
	OptionAddresses OptionKind = "addresses"
)

// OptionSpec says which values a rule option accepts, so a config is
// checked against the registry rather than trusted: min_prefix_length = -1
// would otherwise silently turn PX105 off.
type OptionSpec struct {
	Kind OptionKind
	// Min and Max bound an integer option (inclusive).
	Min, Max int
	// MaxItems bounds a list option.
	MaxItems int
}

// optionName is compiled on first use (a config setting a names option):
// its bounded repetition made it a costly compile at every start-up.
var optionName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`) })

// Check validates a value as the config loader gives it (int, float64,
// string, bool, []any, map[string]any) and says what is wanted otherwise.
func (s OptionSpec) Check(v any) error {
	switch s.Kind {
	case OptionInteger:
		n, ok := v.(int)
		if !ok {
			return fmt.Errorf("want a whole number from %d to %d", s.Min, s.Max)
		}
		if n < s.Min || n > s.Max {
			return fmt.Errorf("%d is out of range: want a whole number from %d to %d", n, s.Min, s.Max)
		}
		return nil
	case OptionNames:
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf(`want a list of names, e.g. ["a", "b"]`)
		}
		if s.MaxItems > 0 && len(list) > s.MaxItems {
			return fmt.Errorf("%d names: want at most %d", len(list), s.MaxItems)
		}
		for i, x := range list {
			name, ok := x.(string)
			if !ok || !optionName().MatchString(name) {
				return fmt.Errorf("element %d: want a name of 1 to 64 letters, digits, '-' or '_'", i)
			}
		}
		return nil
	case OptionAddresses:
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf(`want a list of IPv4 addresses or prefixes, e.g. ["85.10.200.7"]`)
		}
		if s.MaxItems > 0 && len(list) > s.MaxItems {
			return fmt.Errorf("%d addresses: want at most %d", len(list), s.MaxItems)
		}
		for i, x := range list {
			a, ok := x.(string)
			if !ok || !ValidIPv4(a) {
				return fmt.Errorf("element %d: want an IPv4 address or CIDR prefix without host bits (85.10.200.7, 85.10.200.0/28)", i)
			}
		}
		return nil
	}
	return fmt.Errorf("option kind %q has no check", s.Kind)
}

// ValidIPv4 reports whether s is an IPv4 address or a CIDR prefix without
// host bits, as PX108's consent addresses (option and flag) are written.
func ValidIPv4(s string) bool {
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Addr().Is4() && p.Masked() == p
	}
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4()
}

// Describe is the accepted values in a phrase, for docs and `explain`.
func (s OptionSpec) Describe() string {
	switch s.Kind {
	case OptionInteger:
		return fmt.Sprintf("whole number, %d to %d", s.Min, s.Max)
	case OptionNames:
		return fmt.Sprintf("list of up to %d names", s.MaxItems)
	case OptionAddresses:
		return fmt.Sprintf("list of up to %d IPv4 addresses or prefixes", s.MaxItems)
	}
	return string(s.Kind)
}
