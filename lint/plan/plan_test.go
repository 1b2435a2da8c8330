package plan

import (
	"errors"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/ps"
)

// input evaluates a script into the policy input, as the engine does.
func input(t *testing.T, script string) *model.Input {
	t.Helper()
	src := ps.Decode([]byte(script))
	f := ps.Parse(src, ps.DefaultLimits())
	return model.Evaluate(src, f, model.Options{Path: "x.ps1", ReadFile: func(string) ([]byte, error) { return nil, errNoFile }}).Input
}

var errNoFile = errors.New("no dot-sourced files in these tests")

const base = `$PxBaseConnName = "fabrikam"
$PxVmssRegion = "weu"
$PxSubscriptionId = "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"
$PxAzureLocation = "westeurope"
$PxTeamsConnFqdn = "teams-weu.fabrikam.net"
$PxNodeFqdns = "conf01.fabrikam.net"
$PxTeamsConnInstanceCount = "2"
$PxPfxCertFileName = "teams.pfx"
$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"
$PxMgmtSrcAddrPrefixes = @("91.90.42.64/26")
$PxNodesSourceAddressPrefixes = @("80.213.4.17") + $PxMgmtSrcAddrPrefixes
`

func TestValues(t *testing.T) {
	cases := []struct {
		name, script, variable, status, value string
	}{
		{"known", `$PxVmssRegion = "weu"`, "PxVmssRegion", StatusKnown, "weu"},
		{"missing", `$PxBaseConnName = "x"`, "PxVmssRegion", StatusMissing, ""},
		{"empty", `$PxVmssRegion = ""`, "PxVmssRegion", StatusMissing, ""},
		{"needs execution", `$PxVmssRegion = Read-Host "region"`, "PxVmssRegion", StatusUnknown, ""},
		{"secret", `$PxWinAdminPassword = "Sup3r-S3cret!Pa55"`, "PxWinAdminPassword", StatusSecret, ""},
		{"single-quoted expansion", `$PxTeamsConnResourceGroupName = '$($PxBaseConnName)-RG'`, "PxTeamsConnResourceGroupName", StatusBroken, ""},
		{"number", `$PxTeamsConnInstanceCount = 3`, "PxTeamsConnInstanceCount", StatusKnown, "3"},
		{"bool", `$PxTeamsConnDiskEncryption = $true`, "PxTeamsConnDiskEncryption", StatusKnown, "true"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := value(input(t, c.script), c.variable)
			if v.Status != c.status || v.Value != c.value {
				t.Errorf("got %s %q, want %s %q", v.Status, v.Value, c.status, c.value)
			}
			if c.status == StatusSecret && strings.Contains(v.Shown(), "S3cret") {
				t.Error("secret shown")
			}
		})
	}
}

func TestNetworkRules(t *testing.T) {
	cases := []struct {
		name             string
		script           string
		httpsOpen, rdpBl bool
		httpsPrefixes    []string
		from             string
	}{
		{"appended management prefixes", base, false, false, []string{"80.213.4.17", "91.90.42.64/26"}, "PxMgmtSrcAddrPrefixes"},
		{"empty 443 is open, empty RDP is blocked", `$PxNodesSourceAddressPrefixes = @()
$PxMgmtSrcAddrPrefixes = @()`, true, true, nil, ""},
		{"template placeholders admit no one", `$PxNodesSourceAddressPrefixes = @("","")
$PxMgmtSrcAddrPrefixes = @("10.0.0.0/8")`, true, false, nil, ""},
		{"0.0.0.0/0 is open", `$PxNodesSourceAddressPrefixes = @("0.0.0.0/0")
$PxMgmtSrcAddrPrefixes = @("10.0.0.0/8")`, true, false, []string{"0.0.0.0/0"}, ""},
		{"bare address kept as written", `$PxNodesSourceAddressPrefixes = @(80.213.4.17, "31.45.128.0/27")
$PxMgmtSrcAddrPrefixes = @("10.0.0.0/8")`, false, false, []string{"", "31.45.128.0/27"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := networkRules(input(t, c.script))
			https, rdp := rs[0], rs[1]
			if https.OpenToInternet != c.httpsOpen || rdp.Blocked != c.rdpBl {
				t.Errorf("443 open %v (want %v), RDP blocked %v (want %v)", https.OpenToInternet, c.httpsOpen, rdp.Blocked, c.rdpBl)
			}
			var got []string
			for _, s := range https.Sources {
				got = append(got, s.Prefix)
				if s.Prefix == "" && s.Written != "80.213.4.17" {
					t.Errorf("unusable element lost its text: %+v", s)
				}
			}
			if strings.Join(got, ",") != strings.Join(c.httpsPrefixes, ",") {
				t.Errorf("443 sources %q, want %q", got, c.httpsPrefixes)
			}
			if c.from != "" && https.Sources[len(https.Sources)-1].From != c.from {
				t.Errorf("appended element: from %q, want %q", https.Sources[len(https.Sources)-1].From, c.from)
			}
		})
	}
}

func TestCapacityAndVerdict(t *testing.T) {
	c := capacity(Value{Status: StatusKnown, Value: "3"})
	if c.MaxCalls != 48 || c.PlannedCalls != 45 {
		t.Errorf("3 instances: %+v", c)
	}
	if c := capacity(Value{Status: StatusKnown, Value: "many"}); c.Status != StatusBroken || c.MaxCalls != 0 {
		t.Errorf("not a number: %+v", c)
	}
	fr := &finding.FileResult{
		Findings: []finding.Finding{
			{RuleID: "PX102", Severity: finding.SeverityError},
			{RuleID: "PX101", Severity: finding.SeverityError, Suppression: &finding.Suppression{Kind: "inSource"}},
			{RuleID: "PX107", Severity: finding.SeverityWarning},
		},
		Statuses: []finding.RuleStatus{{RuleID: "PX301", Status: finding.StatusNotVerified, Reason: "no certificate"}},
	}
	v := verdict(fr)
	if v.Ready || v.Errors != 1 || v.Summary != "1 error blocks this deployment (1 warning); 1 check not verified" {
		t.Errorf("verdict %+v", v)
	}
	if len(v.NotVerified) != 1 || v.NotVerified[0].Title == "PX301" {
		t.Errorf("not verified lacks the rule title: %+v", v.NotVerified)
	}
	if v := verdict(&finding.FileResult{}); !v.Ready || v.Summary != "ready to deploy" {
		t.Errorf("clean: %+v", v)
	}
}

func TestCompare(t *testing.T) {
	cases := []struct {
		name     string
		from, to string
		identity []string // variables of identity changes
		plain    []string // what of plain changes
	}{
		{"nothing", "", "", nil, nil},
		{"region folds its resource groups", `"weu"`, `"neu"`, []string{"PxVmssRegion"}, nil},
		{"base name", `"fabrikam"`, `"contoso"`, []string{"PxBaseConnName"}, nil},
		{"subscription", "3f2c5a1e", "4f2c5a1e", []string{"PxSubscriptionId"}, nil},
		{"fqdn", "teams-weu.fabrikam.net", "teams.fabrikam.net", []string{"PxTeamsConnFqdn"}, nil},
		{"fqdn case and trailing dot", "teams-weu.fabrikam.net\"", "Teams-WEU.fabrikam.net.\"", nil, []string{"Teams Connector FQDN"}},
		{"location", `"westeurope"`, `"northeurope"`, []string{"PxAzureLocation"}, nil},
		{"location display name", `"westeurope"`, `"West Europe"`, nil, []string{"Azure location"}},
		{"static resource group renamed", `-static-RG"`, `-static-rg2"`, []string{"PxTeamsConnStaticResourceGroupName"}, nil},
		{"instance count", `= "2"`, `= "5"`, nil, []string{"instance count"}},
		{"certificate file", "teams.pfx", "teams-2027.pfx", nil, []string{"certificate file"}},
		{"prefixes", `@("80.213.4.17")`, `@("80.213.4.17","31.45.128.0/27")`, nil, []string{"source prefixes of port 443"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old := Build(input(t, base), nil, nil)
			newScript := strings.Replace(base, c.from, c.to, 1)
			ch := Compare(old, Build(input(t, newScript), nil, nil))
			var ids, plain []string
			for _, x := range ch {
				if x.Identity {
					ids = append(ids, x.Variable)
					if x.Line == 0 || x.Why == "" {
						t.Errorf("identity change without line or reason: %+v", x)
					}
				} else {
					plain = append(plain, x.What)
				}
			}
			if strings.Join(ids, ",") != strings.Join(c.identity, ",") || strings.Join(plain, ",") != strings.Join(c.plain, ",") {
				t.Errorf("identity %v plain %v, want %v and %v", ids, plain, c.identity, c.plain)
			}
		})
	}
}
