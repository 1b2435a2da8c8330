package rules

import "testing"

func TestLookupTakesIDOrName(t *testing.T) {
	for _, in := range []string{"PX102", "px102", "cidr-host-bits", "CIDR-Host-Bits"} {
		r, ok := Lookup(in)
		if !ok || r.ID != "PX102" {
			t.Errorf("Lookup(%q) = %s, %v; want PX102", in, r.ID, ok)
		}
	}
	if _, ok := Lookup("no-such-rule"); ok {
		t.Error("Lookup found a rule that does not exist")
	}
}

func TestSuggest(t *testing.T) {
	for in, want := range map[string]string{"PX1O2": "PX102", "cidr-host-bit": "cidr-host-bits"} {
		if got, ok := Suggest(in); !ok || got != want {
			t.Errorf("Suggest(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got, ok := Suggest("completely-different-words"); ok {
		t.Errorf("Suggest found %q for an unrelated word", got)
	}
}
