package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/schema"
)

// TestConfigProfilesMatchSchema keeps config.Profiles (checked without
// loading CUE) equal to the profiles schemas/profiles.cue defines.
func TestConfigProfilesMatchSchema(t *testing.T) {
	sc, err := schema.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := sc.Profiles()
	got := slices.Sorted(slices.Values(config.Profiles))
	if !slices.Equal(got, want) {
		t.Errorf("config.Profiles = %v, schema profiles = %v", got, want)
	}
}

func TestOptionsCheck(t *testing.T) {
	profiles := []string{"az", "azurerm"}
	tests := []struct {
		name    string
		opts    Options
		wantErr string
	}{
		{"nothing given", Options{}, ""},
		{"valid values", Options{Profile: "azurerm", AzVersion: "4.5.0", ExpiryDays: 45}, ""},
		{"unknown profile", Options{Profile: "foo"}, `--profile "foo": unknown profile; want one of "az", "azurerm"`},
		{"profile in the wrong case", Options{Profile: "AZ"}, `--profile "AZ"`},
		{"bad az version", Options{AzVersion: "latest"}, `--az-version "latest": want a version like "4.5.0"`},
		{"negative expiry days", Options{ExpiryDays: -5}, "--expiry-days -5: want a whole number of days from 1 to 3650"},
		{"too many expiry days", Options{ExpiryDays: 100000}, "--expiry-days 100000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.check(profiles)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
