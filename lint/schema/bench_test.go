package schema

import (
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint/internal/cputime"
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
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := Load(nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// reportCPU adds CPU time per op to ns/op: on a shared machine it shows
// the work, where wall-clock time shows the load.
func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cputime.Process()-since)/float64(b.N), "cpu-ns/op")
}

func BenchmarkLoadWithUserSchema(b *testing.B) {
	dirs := []string{filepath.Join("testdata", "user")}
	for b.Loop() {
		if _, err := Load(dirs); err != nil {
			b.Fatal(err)
		}
	}
}

// scriptValues is the values of the i-th script of a repository: the
// per-script values (names, FQDNs, subscription, prefixes) differ, the
// settings (booleans, count, location) repeat, as in a config repository.
func scriptValues(i int) map[string]any {
	v := typicalValues()
	base := fmt.Sprintf("fab%d", i%1000000)
	v["PxBaseConnName"] = base
	v["PxTeamsConnFqdn"] = fmt.Sprintf("teams-%d.fabrikam.net", i)
	v["PxNodeFqdns"] = fmt.Sprintf("conf%d.fabrikam.net,conf%d.fabrikam.net", 2*i, 2*i+1)
	v["PxSubscriptionId"] = fmt.Sprintf("3f2c5a1e-8d4b-4c6a-9e1f-%012x", i)
	v["PxTeamsConnResourceGroupName"] = base + "-TeamsConn-weu-RG"
	v["PxTeamsConnStaticResourceGroupName"] = base + "-TeamsConn-weu-static-RG"
	v["PxPfxCertFileName"] = fmt.Sprintf("teams-%d.pfx", i)
	v["PxMgmtSrcAddrPrefixes"] = []any{fmt.Sprintf("91.%d.%d.0/26", i/256%256, i%256)}
	return v
}

// BenchmarkValidateTypical validates a different script each time (the
// repeated settings hit the pass cache, the per-script values do not).
func BenchmarkValidateTypical(b *testing.B) {
	s, err := Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		if got := s.Validate("az", scriptValues(i), Options{}); len(got) != 0 {
			b.Fatal(got)
		}
	}
}

// BenchmarkValidateRepeated validates the same script again (all cached).
func BenchmarkValidateRepeated(b *testing.B) {
	s, err := Load(nil) // its own cache, not one other benchmarks filled
	if err != nil {
		b.Fatal(err)
	}
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
	var n atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			s.Validate("az", scriptValues(int(n.Add(1))), Options{})
		}
	})
}

// BenchmarkLoadValidateOne is what one lint of one script pays for CUE:
// loading the schema, then validating that script's values once (a
// schema's first Validate evaluates what Load left lazy).
func BenchmarkLoadValidateOne(b *testing.B) {
	values := typicalValues()
	opts := Options{OtherNames: []string{"PxWinAdminCred", "PxAppCred"}}
	cpu := cputime.Process()
	for b.Loop() {
		s, err := Load(nil)
		if err != nil {
			b.Fatal(err)
		}
		if got := s.Validate("az", values, opts); len(got) != 0 {
			b.Fatalf("the az example's values must pass: %+v", got)
		}
	}
	reportCPU(b, cpu)
}
