package schema

import (
	"strings"
	"testing"
)

// FuzzValidate: any string in any variable yields well-formed violations
// and never a panic. `go test` runs the seeds; `go test -fuzz` explores.
func FuzzValidate(f *testing.F) {
	for _, seed := range []string{"", "westeurope", "West Europe", "https://a.b:1/c", "{3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11}", "2.5", "$false", "1.2.3.4,5.6.7.8", "\x00\xff", "é…"} {
		f.Add("PxAzureLocation", seed)
		f.Add("PxTeamsConnInstanceCount", seed)
		f.Add("PxNodeFqdns", seed)
	}
	f.Add("PxNodeFqdns", "conf_01.x.net, https://conf02.x.net:443/a,,10.1.2.3,a..b.")
	s, err := Load(nil)
	if err != nil {
		f.Fatal(err)
	}
	catalog := s.Catalog("az")
	f.Fuzz(func(t *testing.T, variable, value string) {
		for _, name := range []string{variable, catalog[len(value)%len(catalog)]} {
			for _, v := range s.Validate("az", map[string]any{name: value}, Options{}) {
				if v.RuleID == "" || v.Message == "" || v.Element != -1 {
					t.Fatalf("malformed violation %+v", v)
				}
				if !strings.EqualFold(v.Variable, name) {
					t.Fatalf("violation for %q names %q", name, v.Variable)
				}
			}
		}
	})
}
