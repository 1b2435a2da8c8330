package lint

import (
	"reflect"
	"testing"
)

// --consent-address replaces PX108's consent_addresses for this run without
// changing the config's shared option maps.
func TestWithConsentAddresses(t *testing.T) {
	cfg := map[string]map[string]any{"PX108": {"consent_addresses": []any{"1.1.1.1"}, "other": true}, "PX105": {"min_prefix_length": 20}}
	if got := withConsentAddresses(cfg, nil); !reflect.DeepEqual(got, cfg) {
		t.Errorf("no flag: %v", got)
	}
	got := withConsentAddresses(cfg, []string{"2.2.2.2"})
	want := map[string]map[string]any{"PX108": {"consent_addresses": []any{"2.2.2.2"}, "other": true}, "PX105": {"min_prefix_length": 20}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("flag: %v, want %v", got, want)
	}
	if !reflect.DeepEqual(cfg["PX108"]["consent_addresses"], []any{"1.1.1.1"}) {
		t.Errorf("the config's map changed: %v", cfg)
	}
}
