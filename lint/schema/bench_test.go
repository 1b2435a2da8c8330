package schema

import (
	"path/filepath"
	"testing"
)

// typicalValues is the values document of examples/az/variables.ps1.
func typicalValues() map[string]any {
	return map[string]any{
		"PxBaseConnName":                     "fabrikam",
		"PxVmssRegion":                       "weu",
		"PxTeamsConnFqdn":                    "teams-weu.fabrikam.net",
		"PxNodeFqdns":                        "conf01.fabrikam.net,conf02.fabrikam.net",
		"PxSubscriptionId":                   "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11",
		"PxAzureLocation":                    "westeurope",
		"PxWinAdminUser":                     "pexadmin",
		"PxTeamsConnInstanceCount":           "2",
		"PxTeamsConnIncidentReporting":       true,
		"PxTeamsConnDiskEncryption":          true,
		"PxTeamsConnResourceGroupName":       "fabrikam-TeamsConn-weu-RG",
		"PxTeamsConnStaticResourceGroupName": "fabrikam-TeamsConn-weu-static-RG",
		"PxPfxCertFileName":                  "teams-weu.fabrikam.net.pfx",
		"PxMgmtSrcAddrPrefixes":              []any{"91.90.42.64/26"},
		"PxNodesSourceAddressPrefixes":       []any{"80.213.4.17", "31.45.128.0/27", "91.90.42.64/26"},
	}
}

func TestTypicalValuesPass(t *testing.T) {
	if got := mustBuiltin(t).Validate("az", typicalValues(), Options{OtherNames: []string{"PxWinAdminCred", "PxAppCred"}}); len(got) != 0 {
		t.Fatalf("the az example's values must pass: %+v", got)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadWithUserSchema(b *testing.B) {
	dirs := []string{filepath.Join("testdata", "user")}
	for b.Loop() {
		if _, err := Load(dirs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateTypical(b *testing.B) {
	s := mustBuiltin(b)
	values := typicalValues()
	for b.Loop() {
		if got := s.Validate("az", values, Options{}); len(got) != 0 {
			b.Fatal(got)
		}
	}
}

func BenchmarkValidateFailing(b *testing.B) {
	s := mustBuiltin(b)
	values := typicalValues()
	values["PxBaseConnName"] = "fabrikam-corp"
	values["PxAzureLocation"] = "westeurope2"
	values["PxTeamsConnFqdn"] = "https://teams.fabrikam.net"
	values["PxNodeFqdn"] = "x"
	for b.Loop() {
		if got := s.Validate("az", values, Options{}); len(got) != 4 {
			b.Fatal(got)
		}
	}
}

func BenchmarkValidateWithUserSchema(b *testing.B) {
	s := loadUser(b)
	values := typicalValues()
	values["PxBaseConnName"] = "acmecorp"
	values["PxMgmtSrcAddrPrefixes"] = []any{"85.10.200.0/28"}
	for b.Loop() {
		if got := s.Validate("az", values, Options{}); len(got) != 0 {
			b.Fatal(got)
		}
	}
}

func BenchmarkValidateParallel(b *testing.B) {
	s := mustBuiltin(b)
	values := typicalValues()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			s.Validate("az", values, Options{})
		}
	})
}
