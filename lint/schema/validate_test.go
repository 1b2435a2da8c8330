package schema

import (
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/internal/golden"
)

// builtin is the schema without user overlays, loaded once for the tests.
var builtin = sync.OnceValues(func() (*Schema, error) { return Load(nil) })

func mustBuiltin(t testing.TB) *Schema {
	t.Helper()
	s, err := builtin()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s
}

// ruleCase is one value of one variable and what the schema must say.
type ruleCase struct {
	name     string
	profile  string // "" = az
	variable string
	value    any
	rule     string           // "" = no violation
	severity finding.Severity // expected Violation.Severity
	msg      string           // substring of the message
	fix      string           // exact Fix ("" = none expected)
}

func long(label string, n int) string { return strings.Repeat(label, n) }

var ruleCases = []ruleCase{
	// PX201 base-name (error part; upper case alone is the Rego warning).
	{name: "base ok", variable: "PxBaseConnName", value: "contoso"},
	{name: "base 9 chars", variable: "PxBaseConnName", value: "abcdefghi"},
	{name: "base 10 chars", variable: "PxBaseConnName", value: "abcdefghij", rule: "PX201", msg: `"abcdefghij" has 10 characters; at most 9`, fix: `$PxBaseConnName = "abcdefghi"`},
	{name: "base upper case is Rego's", variable: "PxBaseConnName", value: "Contoso"},
	{name: "base dash", variable: "PxBaseConnName", value: "con-toso", rule: "PX201", msg: `may hold only a-z and 0-9`, fix: `$PxBaseConnName = "contoso"`},
	{name: "base space", variable: "PxBaseConnName", value: "con toso", rule: "PX201", msg: `remove " "`, fix: `$PxBaseConnName = "contoso"`},
	{name: "base accented", variable: "PxBaseConnName", value: "café", rule: "PX201", msg: `remove "é"`, fix: `$PxBaseConnName = "caf"`},
	{name: "base empty is PX501's", variable: "PxBaseConnName", value: ""},
	{name: "base blank is PX501's", variable: "PxBaseConnName", value: "   "},
	{name: "base bool", variable: "PxBaseConnName", value: true, rule: "PX008", msg: "is a boolean $true, but it must be a string"},
	{name: "base number", variable: "PxBaseConnName", value: 12, rule: "PX008", msg: "is a number 12", fix: `$PxBaseConnName = "12"`},

	// PX202 region-name.
	{name: "region ok", variable: "PxVmssRegion", value: "weu"},
	{name: "region mixed", variable: "PxVmssRegion", value: "West-EU", rule: "PX202", msg: `$PxVmssRegion "West-EU" must be lower-case letters only (a-z), e.g. "westeu"`, fix: `$PxVmssRegion = "westeu"`},
	{name: "region digit", variable: "PxVmssRegion", value: "we1", rule: "PX202", fix: `$PxVmssRegion = "we"`},
	{name: "region upper", variable: "PxVmssRegion", value: "WEU", rule: "PX202", fix: `$PxVmssRegion = "weu"`},
	{name: "region digits only", variable: "PxVmssRegion", value: "123", rule: "PX202", msg: `e.g. "weu"`, fix: `$PxVmssRegion = "weu"`},
	{name: "region empty", variable: "PxVmssRegion", value: ""},

	// PX209 azure-location.
	{name: "location short", variable: "PxAzureLocation", value: "westeurope"},
	{name: "location new region", variable: "PxAzureLocation", value: "newzealandnorth"},
	{name: "location display", variable: "PxAzureLocation", value: "West Europe", rule: "PX209", severity: finding.SeverityInfo, msg: `is a display name; Azure accepts it, but the short name "westeurope"`, fix: `$PxAzureLocation = "westeurope"`},
	{name: "location display lower", variable: "PxAzureLocation", value: "north europe", rule: "PX209", severity: finding.SeverityInfo, fix: `$PxAzureLocation = "northeurope"`},
	{name: "location short other case", variable: "PxAzureLocation", value: "WestEurope", rule: "PX209", severity: finding.SeverityInfo, msg: "the short name in another case", fix: `$PxAzureLocation = "westeurope"`},
	{name: "location suffix", variable: "PxAzureLocation", value: "westeurope2", rule: "PX209", msg: `is not an Azure region; did you mean "westeurope" (West Europe)?`, fix: `$PxAzureLocation = "westeurope"`},
	{name: "location dashed", variable: "PxAzureLocation", value: "uk-south", rule: "PX209", msg: `did you mean "uksouth"`, fix: `$PxAzureLocation = "uksouth"`},
	{name: "location dashed display", variable: "PxAzureLocation", value: "west-europe", rule: "PX209", fix: `$PxAzureLocation = "westeurope"`},
	{name: "location typo", variable: "PxAzureLocation", value: "swedencentrl", rule: "PX209", fix: `$PxAzureLocation = "swedencentral"`},
	{name: "location nonsense", variable: "PxAzureLocation", value: "moon", rule: "PX209", msg: `"moon" is not an Azure region; use a region's short name`},
	{name: "location empty", variable: "PxAzureLocation", value: ""},
	{name: "location blank", variable: "PxAzureLocation", value: " "},

	// PX502 fqdn ($PxTeamsConnFqdn only).
	{name: "fqdn ok", variable: "PxTeamsConnFqdn", value: "teams-weu.fabrikam.net"},
	{name: "fqdn upper", variable: "PxTeamsConnFqdn", value: "Teams.Example.COM"},
	{name: "fqdn scheme", variable: "PxTeamsConnFqdn", value: "https://teams.example.com", rule: "PX502", msg: "has a scheme (https://)", fix: `$PxTeamsConnFqdn = "teams.example.com"`},
	{name: "fqdn port", variable: "PxTeamsConnFqdn", value: "teams.example.com:443", rule: "PX502", msg: "has a port (:443)", fix: `$PxTeamsConnFqdn = "teams.example.com"`},
	{name: "fqdn path", variable: "PxTeamsConnFqdn", value: "teams.example.com/connector", rule: "PX502", msg: "has a path", fix: `$PxTeamsConnFqdn = "teams.example.com"`},
	{name: "fqdn underscore", variable: "PxTeamsConnFqdn", value: "teams_weu.example.com", rule: "PX502", msg: "underscore", fix: `$PxTeamsConnFqdn = "teams-weu.example.com"`},
	{name: "fqdn spaces", variable: "PxTeamsConnFqdn", value: "teams .example.com", rule: "PX502", msg: "contains spaces", fix: `$PxTeamsConnFqdn = "teams.example.com"`},
	{name: "fqdn ipv4", variable: "PxTeamsConnFqdn", value: "10.1.2.3", rule: "PX502", msg: "is an IP address"},
	{name: "fqdn label 63", variable: "PxTeamsConnFqdn", value: long("a", 63) + ".example.com"},
	{name: "fqdn label 64", variable: "PxTeamsConnFqdn", value: long("a", 64) + ".example.com", rule: "PX502", msg: "has a label of 64 characters"},
	{name: "fqdn 253", variable: "PxTeamsConnFqdn", value: long(long("a", 62)+".", 4) + "b"},
	{name: "fqdn 254", variable: "PxTeamsConnFqdn", value: long(long("a", 62)+".", 4) + "ab", rule: "PX502", msg: "has 254 characters; a DNS name has at most 253"},
	{name: "fqdn single label", variable: "PxTeamsConnFqdn", value: "teams", rule: "PX502", msg: "is not a fully qualified name"},
	{name: "fqdn trailing dot", variable: "PxTeamsConnFqdn", value: "teams.example.com.", rule: "PX502", msg: "ends with a dot", fix: `$PxTeamsConnFqdn = "teams.example.com"`},
	{name: "fqdn hyphen", variable: "PxTeamsConnFqdn", value: "-teams.example.com", rule: "PX502", msg: "starts or ends with a hyphen"},
	{name: "fqdn empty label", variable: "PxTeamsConnFqdn", value: "teams..example.com", rule: "PX502", msg: "empty label"},
	{name: "fqdn unicode", variable: "PxTeamsConnFqdn", value: "tëams.example.com", rule: "PX502", msg: `contains 'ë'`},
	{name: "fqdn empty", variable: "PxTeamsConnFqdn", value: ""},
	{name: "fqdn array", variable: "PxTeamsConnFqdn", value: []any{"a.example.com"}, rule: "PX008", msg: "is an array"},

	// PX504 guid.
	{name: "guid lower", variable: "PxSubscriptionId", value: "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"},
	{name: "guid upper", variable: "PxSubscriptionId", value: "3F2C5A1E-8D4B-4C6A-9E1F-2B7D8C9A0E11"},
	{name: "guid braces", variable: "PxSubscriptionId", value: "{3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11}", rule: "PX504", msg: "with braces", fix: `$PxSubscriptionId = "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"`},
	{name: "guid spaces", variable: "PxSubscriptionId", value: " 3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11 ", rule: "PX504", fix: `$PxSubscriptionId = "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"`},
	{name: "guid short", variable: "PxSubscriptionId", value: "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e1", rule: "PX504", msg: "is not a GUID"},
	{name: "guid not hex", variable: "PxSubscriptionId", value: "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e1g", rule: "PX504"},
	{name: "guid name", variable: "PxSubscriptionId", value: "My Subscription", rule: "PX504", msg: "az account show"},
	{name: "guid empty", variable: "PxSubscriptionId", value: ""},
	{name: "guid blank", variable: "PxSubscriptionId", value: "\t"},

	// PX505 instance-count (error part; > 20 is the Rego warning).
	{name: "count string", variable: "PxTeamsConnInstanceCount", value: "2"},
	{name: "count int", variable: "PxTeamsConnInstanceCount", value: 2},
	{name: "count whole float", variable: "PxTeamsConnInstanceCount", value: 3.0},
	{name: "count large", variable: "PxTeamsConnInstanceCount", value: "40"},
	{name: "count zero string", variable: "PxTeamsConnInstanceCount", value: "0", rule: "PX505", msg: "must be at least 1", fix: `$PxTeamsConnInstanceCount = "1"`},
	{name: "count zero", variable: "PxTeamsConnInstanceCount", value: 0, rule: "PX505", msg: "must be at least 1", fix: `$PxTeamsConnInstanceCount = "1"`},
	{name: "count negative", variable: "PxTeamsConnInstanceCount", value: "-1", rule: "PX505", msg: "must be at least 1", fix: `$PxTeamsConnInstanceCount = "1"`},
	{name: "count word", variable: "PxTeamsConnInstanceCount", value: "two", rule: "PX505", msg: `"two" is not a whole number`},
	{name: "count fraction", variable: "PxTeamsConnInstanceCount", value: 2.5, rule: "PX505", msg: "is not a whole number of VMs", fix: `$PxTeamsConnInstanceCount = "3"`},
	{name: "count fraction string", variable: "PxTeamsConnInstanceCount", value: "2.5", rule: "PX505", fix: `$PxTeamsConnInstanceCount = "3"`},
	{name: "count spaces", variable: "PxTeamsConnInstanceCount", value: " 2 "},
	{name: "count blank", variable: "PxTeamsConnInstanceCount", value: "  "},
	{name: "count bool", variable: "PxTeamsConnInstanceCount", value: true, rule: "PX008", msg: "must be a number or a string"},
	{name: "count empty", variable: "PxTeamsConnInstanceCount", value: ""},

	// PX507 admin-credential.
	{name: "admin ok", variable: "PxWinAdminUser", value: "pxvmadmin"},
	{name: "admin 20", variable: "PxWinAdminUser", value: long("a", 20)},
	{name: "admin 21", variable: "PxWinAdminUser", value: long("a", 21), rule: "PX507", msg: "has 21 characters; Azure allows at most 20"},
	{name: "admin reserved", variable: "PxWinAdminUser", value: "admin", rule: "PX507", msg: "reserves"},
	{name: "admin reserved upper", variable: "PxWinAdminUser", value: "ADMINISTRATOR", rule: "PX507", msg: "(administrator)"},
	{name: "admin reserved mixed", variable: "PxWinAdminUser", value: "Root", rule: "PX507"},
	{name: "admin reserved digits", variable: "PxWinAdminUser", value: "123", rule: "PX507"},
	{name: "admin reserved underscore", variable: "PxWinAdminUser", value: "Support_388945a0", rule: "PX507"},
	{name: "admin reserved prefix ok", variable: "PxWinAdminUser", value: "admin3"},
	{name: "admin dot", variable: "PxWinAdminUser", value: "bob.", rule: "PX507", msg: `ends with "."`, fix: `$PxWinAdminUser = "bob"`},
	{name: "admin at", variable: "PxWinAdminUser", value: "bob@contoso", rule: "PX507", msg: `contains "@"`},
	{name: "admin empty", variable: "PxWinAdminUser", value: ""},

	// PX008 wrong-type.
	{name: "bool ok", variable: "PxTeamsConnIncidentReporting", value: true},
	{name: "bool string true", variable: "PxTeamsConnIncidentReporting", value: "true", rule: "PX008", msg: `is the string "true", not a boolean`, fix: "$PxTeamsConnIncidentReporting = $true"},
	{name: "bool string $false", variable: "PxTeamsConnDiskEncryption", value: "$false", rule: "PX008", msg: "write $false without quotes", fix: "$PxTeamsConnDiskEncryption = $false"},
	{name: "bool string False", variable: "PxTeamsConnDiskEncryption", value: "False", rule: "PX008", fix: "$PxTeamsConnDiskEncryption = $false"},
	{name: "bool string yes", variable: "PxTeamsConnDiskEncryption", value: "yes", rule: "PX008", msg: "write $true or $false"},
	{name: "bool number", variable: "PxTeamsConnDiskEncryption", value: 1, rule: "PX008", msg: "must be a boolean"},
	{name: "list ok", variable: "PxMgmtSrcAddrPrefixes", value: []any{"85.10.200.0/28", "85.10.201.16"}},
	{name: "list with bare null", variable: "PxNodesSourceAddressPrefixes", value: []any{nil, "31.45.128.0/27"}},
	{name: "list empty", variable: "PxNodesSourceAddressPrefixes", value: []any{}},
	{name: "list one string", variable: "PxMgmtSrcAddrPrefixes", value: "85.10.200.0/28"},
	{name: "list one string padded", variable: "PxMgmtSrcAddrPrefixes", value: " 85.10.200.0/28 "},
	{name: "list comma string", variable: "PxMgmtSrcAddrPrefixes", value: "1.2.3.4,5.6.7.8", rule: "PX008", msg: `one string holding 2 addresses ("1.2.3.4,5.6.7.8")`, fix: `$PxMgmtSrcAddrPrefixes = @("1.2.3.4", "5.6.7.8")`},
	{name: "list comma space string", variable: "PxNodesSourceAddressPrefixes", value: "1.2.3.4, 5.6.7.8; 9.9.9.0/24", rule: "PX008", fix: `$PxNodesSourceAddressPrefixes = @("1.2.3.4", "5.6.7.8", "9.9.9.0/24")`},
	{name: "list space string", variable: "PxNodesSourceAddressPrefixes", value: "1.2.3.4 5.6.7.8", rule: "PX008", fix: `$PxNodesSourceAddressPrefixes = @("1.2.3.4", "5.6.7.8")`},
	{name: "list hashtable", variable: "PxNodesSourceAddressPrefixes", value: map[string]any{"a": "1.2.3.4"}, rule: "PX008", msg: "is a hashtable"},
	{name: "node names array is PX503's", variable: "PxNodeFqdns", value: []any{"a.example.com", "b.example.com"}},
	{name: "node names string", variable: "PxNodeFqdns", value: "a.example.com,b.example.com"},
	{name: "rg name number", variable: "PxTeamsConnResourceGroupName", value: 5, rule: "PX008", fix: `$PxTeamsConnResourceGroupName = "5"`},
	{name: "secure string any", variable: "PxWinAdminSecurePassword", value: map[string]any{}},

	// Profiles: app credentials.
	{name: "az app", variable: "PxAppCred", value: map[string]any{}},
	{name: "azurerm trusted app", profile: "azurerm", variable: "PxTrustedAppCred", value: map[string]any{}},
	{name: "azurerm base", profile: "azurerm", variable: "PxBaseConnName", value: "abcdefghij", rule: "PX201", fix: `$PxBaseConnName = "abcdefghi"`},
	{name: "unknown profile is az", profile: "nosuch", variable: "PxAppCred", value: "x"},
}

func TestValidateRules(t *testing.T) {
	s := mustBuiltin(t)
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			profile := tc.profile
			if profile == "" {
				profile = "az"
			}
			got := s.Validate(profile, map[string]any{tc.variable: tc.value}, Options{})
			if tc.rule == "" {
				if len(got) != 0 {
					t.Fatalf("%s = %#v: want no violation, got %+v", tc.variable, tc.value, got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%s = %#v: want one %s violation, got %+v", tc.variable, tc.value, tc.rule, got)
			}
			v := got[0]
			if v.RuleID != tc.rule || v.Severity != tc.severity || v.Variable != tc.variable || v.Element != -1 {
				t.Errorf("got %s/%v/%s/%d, want %s/%v/%s/-1", v.RuleID, v.Severity, v.Variable, v.Element, tc.rule, tc.severity, tc.variable)
			}
			if !strings.Contains(v.Message, tc.msg) {
				t.Errorf("message %q does not contain %q", v.Message, tc.msg)
			}
			if !strings.HasPrefix(v.Message, "$"+tc.variable+" ") {
				t.Errorf("message %q does not start with the variable", v.Message)
			}
			if v.Fix != tc.fix {
				t.Errorf("fix = %q, want %q", v.Fix, tc.fix)
			}
		})
	}
}

// TestFixesPass checks that every suggested assignment is itself valid.
func TestFixesPass(t *testing.T) {
	s := mustBuiltin(t)
	for _, tc := range ruleCases {
		if tc.rule == "" {
			continue
		}
		for _, v := range s.Validate("az", map[string]any{tc.variable: tc.value}, Options{}) {
			prefix := "$" + v.Variable + ` = "`
			if !strings.HasPrefix(v.Fix, prefix) {
				continue
			}
			fixed := strings.TrimSuffix(strings.TrimPrefix(v.Fix, prefix), `"`)
			if again := s.Validate("az", map[string]any{v.Variable: fixed}, Options{}); len(again) != 0 {
				t.Errorf("%s: fix %q is not valid: %+v", tc.name, v.Fix, again)
			}
		}
	}
}

func TestUnknownVariable(t *testing.T) {
	s := mustBuiltin(t)
	tests := []struct {
		profile string
		name    string
		other   bool // given in Options.OtherNames instead of values
		want    string
		fix     string
	}{
		{"az", "PxNodeFqdn", false, "$PxNodeFqdn is not in the catalog of profile az; did you mean $PxNodeFqdns?", "rename $PxNodeFqdn to $PxNodeFqdns"},
		{"az", "PxTeamsConnFQDNs", false, "did you mean $PxTeamsConnFqdn?", "rename $PxTeamsConnFQDNs to $PxTeamsConnFqdn"},
		{"az", "PxTrustedAppCred", false, "$PxTrustedAppCred is not in the catalog of profile az (it belongs to the azurerm profile)", "remove $PxTrustedAppCred"},
		{"azurerm", "PxAppCred", false, "$PxAppCred is not in the catalog of profile azurerm (it belongs to the az profile)", "remove $PxAppCred"},
		{"az", "PxSomethingElseEntirely", false, "$PxSomethingElseEntirely is not in the catalog of profile az, and the script does not pass it", ""},
		{"az", "PxWinAdminPasswrd", true, "did you mean $PxWinAdminPassword?", "rename $PxWinAdminPasswrd to $PxWinAdminPassword"},
		{"az", "pxNodeFqdn", false, "did you mean $PxNodeFqdns?", "rename $pxNodeFqdn to $PxNodeFqdns"},
	}
	for _, tc := range tests {
		values := map[string]any{tc.name: "x"}
		var opts Options
		if tc.other {
			values = map[string]any{}
			opts.OtherNames = []string{tc.name, tc.name}
		}
		got := s.Validate(tc.profile, values, opts)
		if len(got) != 1 || got[0].RuleID != "PX005" || got[0].Variable != tc.name || got[0].Element != -1 {
			t.Fatalf("%s/%s: want one PX005, got %+v", tc.profile, tc.name, got)
		}
		if !strings.Contains(got[0].Message, tc.want) || got[0].Fix != tc.fix {
			t.Errorf("%s/%s: got %q / %q, want %q / %q", tc.profile, tc.name, got[0].Message, got[0].Fix, tc.want, tc.fix)
		}
	}
	// A name passed to the deployment call is a newer release's, not a typo: info.
	got := s.Validate("az", map[string]any{"PxVmSize": "Standard_D4s_v5"}, Options{Deployed: map[string]string{"pxvmsize": "VmSize"}})
	if len(got) != 1 || got[0].RuleID != "PX005" || got[0].Severity != finding.SeverityInfo ||
		!strings.Contains(got[0].Message, "not in the catalog of profile az, but the script passes it to create_vmss_deployment.ps1 as -VmSize") {
		t.Errorf("passed to the deployment: got %+v", got)
	}
	// Names without the Px prefix, and known names in another case, are not PX005.
	if got := s.Validate("az", map[string]any{"MyHelper": 1, "pxbaseconnname": "contoso", "Px": 1}, Options{OtherNames: []string{"Foo", "PXWINADMINCRED"}}); len(got) != 1 || got[0].Variable != "Px" {
		t.Errorf("want only $Px flagged, got %+v", got)
	}
	// A known name in another case is validated under its catalog name.
	if got := s.Validate("az", map[string]any{"pxvmssregion": "WEU"}, Options{}); len(got) != 1 || got[0].RuleID != "PX202" || got[0].Variable != "PxVmssRegion" {
		t.Errorf("want PX202 on PxVmssRegion, got %+v", got)
	}
}

func TestExtraLocations(t *testing.T) {
	s := mustBuiltin(t)
	values := map[string]any{"PxAzureLocation": "sovereigneast"}
	if got := s.Validate("az", values, Options{}); len(got) != 1 || got[0].RuleID != "PX209" {
		t.Fatalf("without extra_locations: want PX209, got %+v", got)
	}
	opts := Options{ExtraLocations: []string{"sovereigneast", "Sovereign East"}}
	for i := 0; i < 2; i++ { // the second call uses the cached variant
		if got := s.Validate("az", values, opts); len(got) != 0 {
			t.Fatalf("with extra_locations: want no violation, got %+v", got)
		}
	}
	if got := s.Validate("azurerm", map[string]any{"PxAzureLocation": "SOVEREIGN EAST"}, opts); len(got) != 0 {
		t.Fatalf("extra location, other case: want no violation, got %+v", got)
	}
	if got := s.Validate("az", map[string]any{"PxAzureLocation": "westeurope2"}, opts); len(got) != 1 || got[0].RuleID != "PX209" {
		t.Fatalf("extra_locations must not accept everything: got %+v", got)
	}
	// A pattern-like extra location is matched literally.
	if got := s.Validate("az", map[string]any{"PxAzureLocation": "anything"}, Options{ExtraLocations: []string{".*"}}); len(got) != 1 {
		t.Fatalf("extra location \".*\" must match only itself: got %+v", got)
	}
}

func TestValidateSkipsAndOrders(t *testing.T) {
	s := mustBuiltin(t)
	got := s.Validate("az", map[string]any{
		"PxVmssRegion":         "West-EU",
		"PxBaseConnName":       "con-toso",
		"PxTeamsConnFqdn":      nil, // a bare address: PX002's
		"PxAzureLocation":      "West Europe",
		"PxNodeFqdn":           "a.example.com",
		"NotPx":                "x",
		"PxSubscriptionId":     "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11",
		"PxTeamsConnDiskEncry": true,
	}, Options{})
	var ids []string
	for _, v := range got {
		ids = append(ids, v.Variable+":"+v.RuleID)
	}
	want := "PxAzureLocation:PX209 PxBaseConnName:PX201 PxNodeFqdn:PX005 PxTeamsConnDiskEncry:PX005 PxVmssRegion:PX202"
	if strings.Join(ids, " ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(ids, " "), want)
	}
}

func TestNormalizeRejectsOddValues(t *testing.T) {
	s := mustBuiltin(t)
	nested := any("x")
	for i := 0; i < 100; i++ {
		nested = []any{nested}
	}
	for _, v := range []any{nested, struct{}{}, []any{make(chan int)}} {
		if got := s.Validate("az", map[string]any{"PxMgmtSrcAddrPrefixes": v}, Options{}); len(got) != 0 {
			t.Errorf("%T: want the value skipped, got %+v", v, got)
		}
	}
}

// TestMessagesGolden records every message of the failing rule cases, so a
// reviewer reads them in one place and any wording change shows in a diff.
func TestMessagesGolden(t *testing.T) {
	s := mustBuiltin(t)
	var b strings.Builder
	for _, tc := range ruleCases {
		if tc.rule == "" {
			continue
		}
		profile := tc.profile
		if profile == "" {
			profile = "az"
		}
		for _, v := range s.Validate(profile, map[string]any{tc.variable: tc.value}, Options{}) {
			fmt.Fprintf(&b, "%s %s %s\n  %s\n", v.RuleID, severityName(v.Severity), tc.name, v.Message)
			if v.Fix != "" {
				fmt.Fprintf(&b, "  fix: %s\n", v.Fix)
			}
		}
	}
	golden.CheckString(t, filepath.Join("testdata", "messages.golden"), b.String())
}

func severityName(s finding.Severity) string {
	if s == finding.SeverityNone {
		return "default"
	}
	return s.String()
}

// TestConcurrentValidate shares one schema between goroutines, as the
// engine's worker pool does (run with -race).
func TestConcurrentValidate(t *testing.T) {
	s := mustBuiltin(t)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			opts := Options{}
			if w%2 == 0 {
				opts.ExtraLocations = []string{fmt.Sprintf("extra%d", w%4)}
			}
			for i := 0; i < 20; i++ {
				got := s.Validate("az", map[string]any{"PxVmssRegion": "West-EU", "PxAzureLocation": "westeurope2"}, opts)
				if len(got) != 2 {
					t.Errorf("worker %d: got %+v", w, got)
					return
				}
			}
		}(w)
	}
	wg.Wait()
}

// TestHugeValues: bad input never hangs; messages stay short.
func TestHugeValues(t *testing.T) {
	s := mustBuiltin(t)
	huge := strings.Repeat("westeurope", 100000)
	name := "PxNode" + strings.Repeat("x", 100000)
	got := s.Validate("az", map[string]any{
		"PxAzureLocation": huge, "PxTeamsConnFqdn": huge, "PxBaseConnName": huge,
		"PxWinAdminUser": huge, "PxSubscriptionId": huge, name: "x",
	}, Options{OtherNames: []string{name + "y"}})
	if len(got) != 7 {
		t.Fatalf("want 7 violations, got %d", len(got))
	}
	for _, v := range got {
		if len(v.Message) > 1000 || len(v.Fix) > 1000 {
			t.Errorf("%s: message of %d bytes", v.RuleID, len(v.Message))
		}
	}
}

func TestPassCache(t *testing.T) {
	s, err := Load(nil) // a fresh schema: an empty cache
	if err != nil {
		t.Fatal(err)
	}
	fs := s.defaultVars.builtin["az"]
	// A passing value is remembered; a failing one never is.
	if got := s.Validate("az", map[string]any{"PxVmssRegion": "weu", "PxBaseConnName": "con-toso"}, Options{}); len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	if !fs.passed.has("PxVmssRegion", "weu") || fs.passed.has("PxBaseConnName", "con-toso") {
		t.Error("cache holds the wrong values")
	}
	// Results are the same with a warm cache, and typed keys keep 2 and "2" apart.
	for i := 0; i < 2; i++ {
		got := s.Validate("az", map[string]any{"PxVmssRegion": "weu", "PxBaseConnName": "con-toso", "PxTeamsConnInstanceCount": 2}, Options{})
		if len(got) != 1 || got[0].RuleID != "PX201" {
			t.Fatalf("round %d: %+v", i, got)
		}
	}
	if fs.passed.has("PxTeamsConnInstanceCount", "2") || !fs.passed.has("PxTeamsConnInstanceCount", int64(2)) {
		t.Error("2 and \"2\" must be different keys")
	}
	// Hashtables and nested lists are not cached; long values are not either.
	for _, v := range []any{map[string]any{}, []any{[]any{"a"}}, strings.Repeat("a", maxCacheKey)} {
		if _, ok := cacheKey("PxX", v); ok {
			t.Errorf("%T cached", v)
		}
	}
}

// TestFailingSeparatelyEqualsWhole: checking a few values one by one names
// the same failing variables as unifying them with the whole struct.
func TestFailingSeparatelyEqualsWhole(t *testing.T) {
	doc := map[string]any{
		"PxBaseConnName":            "fabrikam-corp", // too long, a dash
		"PxVmssRegion":              "weu",
		"PxTeamsConnFqdn":           "https://teams.fabrikam.net",
		"PxAzureLocation":           "westeurope",
		"PxTeamsConnInstanceCount":  "two",
		"PxSubscriptionId":          "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11",
		"PxMgmtSrcAddrPrefixes":     []any{"91.90.42.64/26", true},
		"PxNodeFqdns":               int64(3),
		"PxTeamsConnDiskEncryption": "yes",
	}
	whole, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	alone, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc) <= maxSeparateChecks {
		t.Fatalf("the document must take the whole-struct path: %d values", len(doc))
	}
	want := whole.failing(whole.defaultVars.builtin["az"], doc)
	got := alone.failingSeparately(alone.defaultVars.builtin["az"], doc)
	if len(want) < 4 || !maps.Equal(got, want) {
		t.Errorf("one by one: %v\nwhole struct: %v", got, want)
	}
}
