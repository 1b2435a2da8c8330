package policy

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint/internal/cputime"
	"github.com/pxlint/pxlint/lint/policy/internal/snapshot"
)

// BenchmarkPrepare is the fixed cost of every run: parsing and compiling the
// built-in policies and preparing the query.
func BenchmarkPrepare(b *testing.B) {
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		if _, err := Prepare(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time as well: on a shared machine it shows the work, where
	// wall-clock time shows the load.
	b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkPrepareWithoutGC is BenchmarkPrepare as a run of the CLI pays
// it: cmd/pxlint collects no garbage until the heap reaches 64 MiB, which
// a run of one script never does, so an op runs with the collector off
// and the garbage of the one before is collected between ops, outside the
// measurement. (An op reuses the memory collected before it, where a
// process faults in fresh pages: a run pays more system time.)
func BenchmarkPrepareWithoutGC(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		start := cputime.Process()
		if _, err := Prepare(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
		cpu += cputime.Process() - start
	}
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkPrepareWithUserPolicies adds the example user policies (full compiler).
func BenchmarkPrepareWithUserPolicies(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Prepare(context.Background(), []string{"../../examples/policies"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvalWithUserPolicies is the per-script cost with the example
// user policies: the built-in query plus each user package in its sandbox.
func BenchmarkEvalWithUserPolicies(b *testing.B) {
	e, err := Prepare(context.Background(), []string{"../../examples/policies"})
	if err != nil {
		b.Fatal(err)
	}
	input := map[string]any{"variables": map[string]any{
		"PxBaseConnName":   map[string]any{"kind": "string", "value": "fabrikam"},
		"PxVmssRegion":     map[string]any{"kind": "string", "value": "weu"},
		"PxAzureLocation":  map[string]any{"kind": "string", "value": "uksouth"},
		"PxTeamsConnFqdn":  map[string]any{"kind": "string", "value": "teams.example.com"},
		"PxSubscriptionId": map[string]any{"kind": "string", "value": "00000000-0000-0000-0000-000000000000"},
	}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Eval(context.Background(), input); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRestore splits BenchmarkPrepare's restore of the script engine:
// decoding the snapshot, then the compiler stages evaluation needs.
func BenchmarkRestore(b *testing.B) {
	src, err := builtinSources()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		cpu := cputime.Process()
		for i := 0; i < b.N; i++ {
			if _, _, err := snapshot.Decode(builtinSnapshot, scriptsEngine.name, src.lookup); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
	})
	b.Run("stages", func(b *testing.B) {
		engines := make([]snapshot.Engine, b.N)
		for i := range engines {
			if _, engines[i], err = snapshot.Decode(builtinSnapshot, scriptsEngine.name, src.lookup); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		cpu := cputime.Process()
		for i := 0; i < b.N; i++ {
			if _, err := restore(engines[i]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
	})
}
