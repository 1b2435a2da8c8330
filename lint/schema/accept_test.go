package schema

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// acceptCorpus are values at the edges of the built-in fields: every kind,
// blanks, each format's near misses, numbers that are and are not whole,
// and text that is not ASCII or not UTF-8.
func acceptCorpus() []any {
	strs := []string{
		"", " ", "\t", "fabrikam", "Fabrikam", "fab-rikam", "abcdefghi", "abcdefghij", "fab rikam",
		"weu", "WEU", "we1", "teams-weu.fabrikam.net", "teams-weu.fabrikam.net.", "-a.b.com", "a-.b.com",
		"https://teams.fabrikam.net:443/", "teams.fabrikam.net:443", "teams_weu.fabrikam.net", "10.0.0.1",
		"conf01.fabrikam.net,conf02.fabrikam.net", "conf01.fabrikam.net, ,conf02", "a..b.com",
		strings.Repeat("a", 63) + ".com", strings.Repeat("a", 64) + ".com", strings.Repeat("abcdefgh.", 28) + "com",
		"3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11", "{3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11}", "3F2C5A1E-8D4B-4C6A-9E1F-2B7D8C9A0E11",
		"westeurope", "WestEurope", "West Europe", "west europe", "westeurope2", "usgovvirginia",
		"pexadmin", "admin", "Administrator", "ADMIN1", "user.", "a@b", "a\\b", strings.Repeat("a", 20), strings.Repeat("a", 21),
		"2", " 2 ", "0", "02", "-1", "1.5", "10", " ", "1e3",
		"91.90.42.64/26", "1.2.3.4,5.6.7.8", "1.2.3.4 5.6.7.8", "1.2.3.4;", "1.2.3.4 ,",
		"é", "日本.example.com", "\xff\xfe", "a\x00b", "$(Get-Date)", "true", "$false",
	}
	out := make([]any, 0, len(strs)+16)
	for _, s := range strs {
		out = append(out, s)
	}
	return append(out,
		true, false, int64(0), int64(1), int64(2), int64(-3), int64(1)<<40, 1.0, 1.5, 2.0, -0.5,
		[]any{}, []any{"91.90.42.64/26"}, []any{int64(1), true}, map[string]any{"a": int64(1)},
	)
}

// TestAcceptAgreesWithCUE: a field's accept never admits a value its CUE
// rejects (else a broken value would pass unreported), and admits every
// value CUE does except floats, which go to CUE by design (else the fast
// path would rarely be taken).
func TestAcceptAgreesWithCUE(t *testing.T) {
	s := mustBuiltin(t)
	checked := 0
	for profile, fields := range s.fields {
		fs := s.defaultVars.builtin[profile]
		for name, rec := range fields {
			if rec.Accept == nil {
				t.Errorf("%s.%s: no accept: its values always need CUE", profile, name)
				continue
			}
			field := fs.fields[name].value
			for _, v := range acceptCorpus() {
				fast, full := rec.Accept.accepts(v), s.accepts(field, v)
				_, isFloat := v.(float64)
				switch {
				case fast && !full:
					t.Errorf("%s.%s: accept admits %#v, which CUE rejects", profile, name, v)
				case full && !fast && !isFloat:
					t.Errorf("%s.%s: accept rejects %#v, which CUE admits", profile, name, v)
				}
				checked++
			}
		}
	}
	for _, v := range acceptCorpus() {
		if fast, full := s.fqdn.accepts(v), s.accepts(s.fqdnDef, v); fast != full {
			t.Errorf("#Fqdn: accept says %v for %#v, CUE %v", fast, v, full)
		}
	}
	if checked < 1000 {
		t.Errorf("checked only %d field and value pairs", checked)
	}
}

// TestValidateWithoutCUEAgrees: Validate answers the same, violations and
// order, whether the values pass their accepts (no CUE) or CUE judges
// them all (a schema without accepts), for every field and value of the
// corpus, alone and in the typical document, and with the other options.
func TestValidateWithoutCUEAgrees(t *testing.T) {
	fast := mustBuiltin(t)
	full, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	full.fields = nil // every validation through CUE
	opts := []Options{
		{},
		{OtherNames: []string{"PxWinAdminCred", "PxAppCred", "PxNotAVariable"}},
		{Deployed: map[string]string{"pxvmsize": "VmSize"}, OtherNames: []string{"PxVmSize"}},
		{Declared: []Declared{{Name: "PxVmSize", Type: "string", Pattern: "^Standard_"}}},
	}
	var fastPath int
	for _, profile := range fast.Profiles() {
		for _, name := range fast.Catalog(profile) {
			for _, v := range acceptCorpus() {
				alone := map[string]any{name: v}
				typical := typicalValues()
				typical[name] = v
				typical["PxVmSize"] = "Standard_D4s_v3"
				for i, o := range opts {
					for _, doc := range []map[string]any{alone, typical} {
						got, want := fast.Validate(profile, doc, o), full.Validate(profile, doc, o)
						if !reflect.DeepEqual(got, want) {
							t.Fatalf("%s, $%s = %#v, options %d: without CUE %+v, with CUE %+v", profile, name, v, i, got, want)
						}
						if known, _ := fast.knownValues(profile, fast.profiles[profile], doc, o); fast.passesWithoutCUE(profile, known, o) {
							fastPath++
						}
					}
				}
			}
		}
	}
	if fastPath < 1000 {
		t.Errorf("only %d validations took the path without CUE", fastPath)
	}
}

// TestStartCompilesOnlyWhenNeeded: a run whose values all pass never
// compiles the CUE; the first value that needs it does.
func TestStartCompilesOnlyWhenNeeded(t *testing.T) {
	s, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	compiled := func() bool { return s.builtin.Exists() }
	if got := s.Validate("az", typicalValues(), Options{}); len(got) != 0 || compiled() {
		t.Fatalf("typical values: %+v, compiled %v; want none, not compiled", got, compiled())
	}
	bad := typicalValues()
	bad["PxVmssRegion"] = "West-EU"
	if got := s.Validate("az", bad, Options{}); len(got) != 1 || got[0].RuleID != "PX202" || !compiled() {
		t.Fatalf("a bad region: %+v, compiled %v; want one PX202, compiled", got, compiled())
	}
	// Extra locations change #AzureLocation: CUE judges them.
	if got := s.Validate("az", map[string]any{"PxAzureLocation": "mycloud"}, Options{ExtraLocations: []string{"mycloud"}}); len(got) != 0 {
		t.Fatalf("an extra location: %+v", got)
	}
}

// TestAcceptJSON: an accept survives the tables' JSON, and its pattern
// compiles once, lazily.
func TestAcceptJSON(t *testing.T) {
	two := int64(2)
	a := &accept{Or: []*accept{{Match: `^\s*$`}, {All: []*accept{{Kind: "number"}, {AtLeast: &two}}}}}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back accept
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range []any{"", "x", int64(1), int64(2), 2.0} {
		if back.accepts(v) {
			got = append(got, strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(string(mustJSON(t, v)), "\"", "'"), " ", "")))
		}
	}
	sort.Strings(got)
	if want := []string{"''", "2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("accepted %v, want %v", got, want)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzAcceptAgreesWithCUE: for any string (and the whole number it may
// spell), no accept of the az profile or #Fqdn admits what CUE rejects.
// `go test` runs the seeds; `go test -fuzz` explores.
func FuzzAcceptAgreesWithCUE(f *testing.F) {
	for _, v := range acceptCorpus() {
		if s, ok := v.(string); ok {
			f.Add(s)
		}
	}
	s, err := Load(nil)
	if err != nil {
		f.Fatal(err)
	}
	fs := s.defaultVars.builtin["az"]
	f.Fuzz(func(t *testing.T, value string) {
		for name, rec := range s.fields["az"] {
			if rec.Accept.accepts(value) && !s.accepts(fs.fields[name].value, value) {
				t.Fatalf("$%s: accept admits %q, which CUE rejects", name, value)
			}
		}
		if s.fqdn.accepts(value) && !s.accepts(s.fqdnDef, value) {
			t.Fatalf("#Fqdn: accept admits %q, which CUE rejects", value)
		}
	})
}

// FuzzValidateWithoutCUEAgrees: for any string in any variable of the az
// profile, Validate says the same with the accepts as with CUE alone.
func FuzzValidateWithoutCUEAgrees(f *testing.F) {
	for _, v := range acceptCorpus() {
		if s, ok := v.(string); ok {
			f.Add(uint8(len(s)), s)
		}
	}
	fast, err := Load(nil)
	if err != nil {
		f.Fatal(err)
	}
	full, err := Load(nil)
	if err != nil {
		f.Fatal(err)
	}
	full.fields = nil
	catalog := fast.Catalog("az")
	f.Fuzz(func(t *testing.T, field uint8, value string) {
		doc := typicalValues()
		doc[catalog[int(field)%len(catalog)]] = value
		got, want := fast.Validate("az", doc, Options{}), full.Validate("az", doc, Options{})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("$%s = %q: without CUE %+v, with CUE %+v", catalog[int(field)%len(catalog)], value, got, want)
		}
	})
}
