package schema

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

func loadUser(t testing.TB) *Schema {
	t.Helper()
	s, err := Load([]string{filepath.Join("testdata", "user")})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s
}

func formatViolations(vs []Violation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "%s %s %s[%d]: %s | %s\n", v.RuleID, v.Severity, v.Variable, v.Element, v.Message, v.Fix)
	}
	return b.String()
}

func TestUserOverlay(t *testing.T) {
	s := loadUser(t)
	tests := []struct {
		name    string
		profile string
		values  map[string]any
		want    string
	}{
		{
			name:    "user narrowing reported as the user rule, not PX209",
			profile: "az",
			values:  map[string]any{"PxAzureLocation": "eastus"},
			want:    `ACME-eu-regions error PxAzureLocation[-1]: $PxAzureLocation "eastus": deploy in an EU region only (testdata/user/regions.cue:4) | use "westeurope" or "northeurope"` + "\n",
		},
		{
			name:    "allowed by the user",
			profile: "az",
			values:  map[string]any{"PxAzureLocation": "northeurope", "PxBaseConnName": "acmecorp", "PxAcmeCostCenter": "CC-0042"},
			want:    "",
		},
		{
			name:    "a value the built-in schema rejects is the built-in rule only",
			profile: "az",
			values:  map[string]any{"PxAzureLocation": "westeurope2", "PxBaseConnName": "acme-corp"},
			want: `PX209 none PxAzureLocation[-1]: $PxAzureLocation "westeurope2" is not an Azure region; did you mean "westeurope" (West Europe)? | $PxAzureLocation = "westeurope"` + "\n" +
				`PX201 none PxBaseConnName[-1]: $PxBaseConnName "acme-corp" may hold only a-z and 0-9 (it prefixes the VMSS, storage and computer names); remove "-", e.g. "acmecorp" | $PxBaseConnName = "acmecorp"` + "\n",
		},
		{
			name:    "empty values are PX501's, not the user's",
			profile: "az",
			values:  map[string]any{"PxAzureLocation": "", "PxBaseConnName": "  "},
			want:    "",
		},
		{
			name:    "constraint without @rule gets the file's ID",
			profile: "az",
			values:  map[string]any{"PxBaseConnName": "contoso"},
			want:    `USER-cue.naming error PxBaseConnName[-1]: $PxBaseConnName "contoso" does not satisfy the user schema testdata/user/naming.cue:5: =~"^acme" | give $PxBaseConnName a value that satisfies =~"^acme"` + "\n",
		},
		{
			name:    "a variable the user adds is known, and checked",
			profile: "azurerm",
			values:  map[string]any{"PxAcmeCostCenter": 42},
			want:    `USER-cue.naming error PxAcmeCostCenter[-1]: $PxAcmeCostCenter 42 does not satisfy the user schema testdata/user/naming.cue:7: =~"^CC-[0-9]{4}$" | give $PxAcmeCostCenter a value that satisfies =~"^CC-[0-9]{4}$"` + "\n",
		},
		{
			name:    "element of a list, warning severity, az only",
			profile: "az",
			values:  map[string]any{"PxMgmtSrcAddrPrefixes": []any{"85.10.200.0/28", "10.0.0.0/8"}},
			want:    `ACME-mgmt-nets warning PxMgmtSrcAddrPrefixes[1]: $PxMgmtSrcAddrPrefixes element 2 "10.0.0.0/8" does not satisfy the user schema testdata/user/prefixes.cue:6: [...#AcmeNet] | string | give $PxMgmtSrcAddrPrefixes a value that satisfies [...#AcmeNet] | string` + "\n",
		},
		{
			name:    "profile-specific narrowing does not apply to the other profile",
			profile: "azurerm",
			values:  map[string]any{"PxMgmtSrcAddrPrefixes": []any{"10.0.0.0/8"}},
			want:    "",
		},
		{
			name:    "display name: user rule and PX209 info",
			profile: "az",
			values:  map[string]any{"PxAzureLocation": "West Europe"},
			want: `ACME-eu-regions error PxAzureLocation[-1]: $PxAzureLocation "West Europe": deploy in an EU region only (testdata/user/regions.cue:4) | use "westeurope" or "northeurope"` + "\n" +
				`PX209 info PxAzureLocation[-1]: $PxAzureLocation "West Europe" is a display name; Azure accepts it, but the short name "westeurope" is what Azure reports and what other scripts use | $PxAzureLocation = "westeurope"` + "\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := formatViolations(s.Validate(tc.profile, tc.values, Options{}))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestUserCatalogAndRules(t *testing.T) {
	s := loadUser(t)
	for _, p := range []string{"az", "azurerm"} {
		if !contains(s.Catalog(p), "PxAcmeCostCenter") {
			t.Errorf("%s catalog lacks the user's PxAcmeCostCenter: %v", p, s.Catalog(p))
		}
	}
	if contains(mustBuiltin(t).Catalog("az"), "PxAcmeCostCenter") {
		t.Error("the built-in catalog must not see user variables")
	}
	var got []string
	for _, r := range s.UserRules() {
		if r.Engine != rules.EngineUser || r.Name == "" || r.Title == "" || r.Severity == finding.SeverityNone || len(r.Levels) != 1 {
			t.Errorf("incomplete user rule %+v", r)
		}
		if r.DocsURL() != "" {
			t.Errorf("user rule %s has a docs URL", r.ID)
		}
		got = append(got, fmt.Sprintf("%s/%s/%s", r.ID, r.Severity, strings.Join(r.Needs, ",")))
	}
	want := "ACME-eu-regions/error/PxAzureLocation ACME-mgmt-nets/warning/PxMgmtSrcAddrPrefixes USER-cue.naming/error/PxAcmeCostCenter,PxBaseConnName USER-cue.prefixes/error/"
	if strings.Join(got, " ") != want {
		t.Errorf("user rules:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if len(mustBuiltin(t).UserRules()) != 0 {
		t.Error("no user rules without overlays")
	}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func TestBrokenUserSchema(t *testing.T) {
	tests := []struct {
		dir  string
		want string
	}{
		{"syntax", "testdata/broken/syntax/bad.cue:3:45: expected operand, found 'EOF'"},
		{"conflict", "testdata/broken/conflict/bad.cue:3:29: #Variables.PxBaseConnName: conflicting values 5 and =~\"^[a-zA-Z0-9]{1,9}$\" (mismatched types int and string)\n" +
			"testdata/broken/conflict/bad.cue:3:29: #Variables.PxBaseConnName: conflicting values 5 and =~\"^\\\\s*$\" (mismatched types int and string)"},
		{"package", "testdata/broken/package/bad.cue:1:1: package acme: a user schema must be in package pxlint"},
		{"nopackage", "testdata/broken/nopackage/bad.cue:1:1: a user schema must start with `package pxlint`"},
		{"reserved", "testdata/broken/reserved/bad.cue:3:43: @rule(PX209): PX IDs belong to built-in rules; name your rule with your own prefix, e.g. ACME001"},
		{"undefined", "testdata/broken/undefined/bad.cue:3:30: #Variables.PxAzureLocation: reference \"#NoSuchRegions\" not found"},
		{"badattr", "testdata/broken/badattr/bad.cue:3:43: @rule(ACME1): unknown key \"level\" (known: severity, msg, title, fix)"},
		{"badseverity", "testdata/broken/badseverity/bad.cue:3:43: @rule(ACME1): severity \"fatal\": use error, warning or info"},
		{"import", "testdata/broken/import/bad.cue:3:8: import \"example.com/acme\": a user schema may import only CUE's standard library (e.g. \"strings\", \"list\", \"net\")"},
		{"stdlib", "testdata/broken/stdlib/bad.cue:3:8: builtin package \"nosuchpkg\" undefined"},
		{"missing", "schema directory: stat testdata/broken/missing: no such file or directory"},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			_, err := Load([]string{filepath.Join("testdata", "broken", tc.dir)})
			if err == nil {
				t.Fatal("want an error")
			}
			if err.Error() != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", err, tc.want)
			}
		})
	}
}

func TestUserFileBounds(t *testing.T) {
	dir := t.TempDir()
	big := "package pxlint\n\n// " + strings.Repeat("x", maxUserFileSize) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "big.cue"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load([]string{dir})
	if err == nil || !strings.Contains(err.Error(), "big.cue:1:1: schema file of") {
		t.Fatalf("want a size error, got %v", err)
	}
	// A single file may be named instead of a directory; other files are ignored.
	dir = t.TempDir()
	one := filepath.Join(dir, "one.cue")
	if err := os.WriteFile(one, []byte("package pxlint\n#Variables: PxVmssRegion: \"weu\" | \"neu\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not cue"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load([]string{one})
	if err != nil {
		t.Fatal(err)
	}
	got := s.Validate("az", map[string]any{"PxVmssRegion": "sea"}, Options{})
	if len(got) != 1 || got[0].RuleID != "USER-cue.one" {
		t.Fatalf("got %+v", got)
	}
}

func TestDerivedID(t *testing.T) {
	for in, want := range map[string]string{
		"naming.cue":          "USER-cue.naming",
		"dir/EU Regions.cue":  "USER-cue.eu-regions",
		"dir/net_rules-1.cue": "USER-cue.net_rules-1",
	} {
		if got := derivedID(in); got != want {
			t.Errorf("derivedID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitAttrArgs(t *testing.T) {
	got, err := splitAttrArgs(` A1, msg="a, \"b\"", severity=info `)
	if err != nil || strings.Join(got, "|") != `A1|msg="a, \"b\""|severity=info` {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := splitAttrArgs(`A1, msg="open`); err == nil {
		t.Error("want an error for an unterminated string")
	}
}

func TestUserRequiredVariable(t *testing.T) {
	s, err := Load([]string{filepath.Join("testdata", "required")})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		values map[string]any
		others []string
		want   string
	}{
		{"missing", map[string]any{"PxBaseConnName": "contoso"}, nil,
			`ACME-owner error PxAcmeOwner[-1]: $PxAcmeOwner is required by the user schema (testdata/required/required.cue:4) but the script does not assign it | add an assignment of $PxAcmeOwner that satisfies =~"^[a-z]+@acme\\.example$"` + "\n"},
		{"assigned, unknown value", map[string]any{}, []string{"PxAcmeOwner"}, ""},
		{"assigned in another case", map[string]any{"pxacmeowner": "ops@acme.example"}, nil, ""},
		{"wrong value", map[string]any{"PxAcmeOwner": "ops@contoso.example"}, nil,
			`ACME-owner error PxAcmeOwner[-1]: $PxAcmeOwner "ops@contoso.example" does not satisfy the user schema testdata/required/required.cue:4: =~"^[a-z]+@acme\\.example$" | give $PxAcmeOwner a value that satisfies =~"^[a-z]+@acme\\.example$"` + "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := formatViolations(s.Validate("az", tc.values, Options{OtherNames: tc.others}))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
	if r := s.UserRules(); len(r) != 1 || r[0].ID != "ACME-owner" || r[0].Title != "Owner e-mail required" {
		t.Errorf("user rules: %+v", r)
	}
}

func TestUserReusesBuiltinDefinitions(t *testing.T) {
	s, err := Load([]string{filepath.Join("testdata", "builtinref"), t.TempDir()}) // an empty dir adds nothing
	if err != nil {
		t.Fatal(err)
	}
	got := formatViolations(s.Validate("az", map[string]any{"PxVmssRegion": "west", "PxAzureLocation": "uksouth"}, Options{}))
	want := `ACME-eu error PxAzureLocation[-1]: $PxAzureLocation "uksouth" does not satisfy the user schema testdata/builtinref/region.cue:6: #AzureLocation & =~"(?i)europe" | give $PxAzureLocation a value that satisfies #AzureLocation & =~"(?i)europe"` + "\n" +
		`ACME-tag error PxVmssRegion[-1]: $PxVmssRegion "west" does not satisfy the user schema testdata/builtinref/region.cue:5: #VmssRegion & =~"^[a-z]{3}$" | give $PxVmssRegion a value that satisfies #VmssRegion & =~"^[a-z]{3}$"` + "\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := s.Validate("az", map[string]any{"PxVmssRegion": "weu", "PxAzureLocation": "North Europe"}, Options{}); len(got) != 1 || got[0].Severity != finding.SeverityInfo {
		t.Errorf("want only PX209 info, got %+v", got)
	}
	if len(s.UserRules()) != 2 {
		t.Errorf("user rules: %+v", s.UserRules())
	}
}
