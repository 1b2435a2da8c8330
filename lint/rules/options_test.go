package rules

import "testing"

func TestOptionSpecCheck(t *testing.T) {
	prefix := OptionSpec{Kind: OptionInteger, Min: 1, Max: 32}
	names := OptionSpec{Kind: OptionNames, MaxItems: 2}
	addrs := OptionSpec{Kind: OptionAddresses, MaxItems: 4}
	tests := []struct {
		name string
		spec OptionSpec
		v    any
		ok   bool
	}{
		{"integer in range", prefix, 12, true},
		{"integer at the bounds", prefix, 32, true},
		{"negative integer", prefix, -1, false},
		{"zero", prefix, 0, false},
		{"above the range", prefix, 33, false},
		{"fraction", prefix, 12.5, false},
		{"string for an integer", prefix, "12", false},
		{"names", names, []any{"pexip", "west-europe_2"}, true},
		{"empty list", names, []any{}, true},
		{"too many names", names, []any{"a", "b", "c"}, false},
		{"a number in the list", names, []any{"a", 1}, false},
		{"an empty name", names, []any{""}, false},
		{"a name with a newline", names, []any{"a\nb"}, false},
		{"a string instead of a list", names, "pexip", false},
		{"addresses", addrs, []any{"85.10.200.7", "85.10.200.0/28"}, true},
		{"a prefix with host bits", addrs, []any{"85.10.200.7/28"}, false},
		{"an IPv6 address", addrs, []any{"2001:db8::1"}, false},
		{"a name instead of an address", addrs, []any{"consent-pc"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.spec.Check(tt.v); (err == nil) != tt.ok {
				t.Errorf("Check(%#v) = %v, want ok=%v", tt.v, err, tt.ok)
			}
		})
	}
}
