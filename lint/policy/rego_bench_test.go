package policy_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/internal/cputime"
	"github.com/pxlint/pxlint/lint/policy"
)

// typicalInput is the policy input lint builds for examples/az, a clean
// script of the az profile without facts, certificate or inventory.
func typicalInput(b *testing.B) ast.Value {
	b.Helper()
	in, err := lint.Inspect(context.Background(), "../../examples/az/variables.ps1",
		lint.Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	v, err := policy.ToValue(in)
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// BenchmarkBuiltinQuery is the per-script cost of the built-in Rego on a
// typical input: the whole query ("all") and each rule package's share of
// it on its own, to rank the packages (go test -bench BuiltinQuery
// -run '^$' ./lint/policy/).
func BenchmarkBuiltinQuery(b *testing.B) {
	ctx := context.Background()
	input := typicalInput(b)
	eachPackageQuery(b, func(b *testing.B, name string, pq rego.PreparedEvalQuery) {
		cpu := cputime.Process()
		for i := 0; i < b.N; i++ {
			rs, err := pq.Eval(ctx, rego.EvalParsedInput(input))
			if err != nil {
				b.Fatal(err)
			}
			if len(rs) != 1 {
				b.Fatalf("%s: %d results, want one", name, len(rs))
			}
			// deny is the array of the packages' sets (builtinQuery).
			deny, ok := rs[0].Bindings["deny"].([]any)
			if !ok {
				b.Fatalf("%s: deny %v, want an array of sets", name, rs[0].Bindings["deny"])
			}
			for _, s := range deny {
				if s, ok := s.([]any); !ok || len(s) != 0 {
					b.Fatalf("%s: deny %v, want none for a clean script", name, deny)
				}
			}
		}
		b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
	})
}

// BenchmarkEngineEval is the per-script path of lint through the built-in
// policies on a typical input: the prepared query's evaluation and the
// reading of its results (Engine.Eval), which BenchmarkBuiltinQuery leaves
// out.
func BenchmarkEngineEval(b *testing.B) {
	ctx := context.Background()
	input := typicalInput(b)
	e, err := policy.Prepare(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		out, err := e.Eval(ctx, input)
		if err != nil {
			b.Fatal(err)
		}
		if len(out.Deny) != 0 || len(out.Verified) == 0 {
			b.Fatalf("%d results, %d verified: want none and some for a clean script", len(out.Deny), len(out.Verified))
		}
	}
	b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
}

// regionalInputs are the policy inputs of n regional scripts of one
// subscription: examples/az with its own base name and FQDN each (as
// lint's BenchmarkRunOneSubscription writes them).
func regionalInputs(b *testing.B, n int) []ast.Value {
	b.Helper()
	src, err := os.ReadFile("../../examples/az/variables.ps1")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	inputs := make([]ast.Value, n)
	for i := range inputs {
		s := strings.Replace(string(src), `"fabrikam"`, fmt.Sprintf(`"fab%05d"`, i), 1)
		s = strings.ReplaceAll(s, "teams-weu.fabrikam.net", fmt.Sprintf("teams-%05d.fabrikam.net", i))
		path := filepath.Join(dir, fmt.Sprintf("region%05d.ps1", i))
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			b.Fatal(err)
		}
		in, err := lint.Inspect(context.Background(), path, lint.Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			b.Fatal(err)
		}
		if inputs[i], err = policy.ToValue(in); err != nil {
			b.Fatal(err)
		}
	}
	return inputs
}

// BenchmarkEngineEvalRegional evaluates regional scripts one after
// another on one engine, as a run does, with the pure function calls the
// scripts share evaluated once per run ("shared", funccache.go) or once per
// script ("alone", OPA's own cache per evaluation): "cpu" for CPU time,
// "profile" under OPA's profiler for the expression evaluations per script
// (which do not move with the machine's load).
func BenchmarkEngineEvalRegional(b *testing.B) {
	ctx := context.Background()
	inputs := regionalInputs(b, 64)
	for _, mode := range []string{"alone", "shared"} {
		var opts []rego.EvalOption
		if mode == "alone" {
			opts = append(opts, rego.EvalVirtualCache(topdown.NewVirtualCache()))
		}
		run := func(b *testing.B, extra ...rego.EvalOption) {
			e, err := policy.Prepare(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := e.Eval(ctx, inputs[len(inputs)-1]); err != nil { // the run's first script
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cputime.Process()
			for i := 0; i < b.N; i++ {
				if mode == "alone" {
					opts[0] = rego.EvalVirtualCache(topdown.NewVirtualCache())
				}
				out, err := policy.EvalWith(ctx, e, inputs[i%(len(inputs)-1)], append(opts, extra...)...)
				if err != nil {
					b.Fatal(err)
				}
				if len(out.Deny) != 0 {
					b.Fatalf("%d results, want none for a clean script", len(out.Deny))
				}
			}
			b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
		}
		b.Run("cpu/"+mode, func(b *testing.B) { run(b) })
		b.Run("profile/"+mode, func(b *testing.B) {
			prof := profiler.New()
			run(b, rego.EvalQueryTracer(prof))
			b.ReportMetric(float64(evaluations(prof))/float64(b.N), "exprs/op")
			b.Logf("top files by expression evaluations:\n%s\ntop expressions by time of %d evaluations:\n%s",
				topFiles(prof, b.N, 20), b.N, topExpressions(prof, b.N, 30))
		})
	}
}

// BenchmarkBuiltinQueryProfile evaluates the whole built-in query ("all")
// and each rule package's share under OPA's profiler and logs the
// expressions that take the most time (run it with -v, e.g. -bench
// 'BuiltinQueryProfile/px601'; the profiler slows evaluation several times
// over, so its ns/op is no measure of the query).
func BenchmarkBuiltinQueryProfile(b *testing.B) {
	ctx := context.Background()
	input := typicalInput(b)
	eachPackageQuery(b, func(b *testing.B, name string, pq rego.PreparedEvalQuery) {
		prof := profiler.New()
		for i := 0; i < b.N; i++ {
			if _, err := pq.Eval(ctx, rego.EvalParsedInput(input), rego.EvalQueryTracer(prof)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(evaluations(prof))/float64(b.N), "exprs/op")
		b.Logf("top files by expression evaluations:\n%s\ntop expressions by time of %d evaluations:\n%s",
			topFiles(prof, b.N, 20), b.N, topExpressions(prof, b.N, 40))
	})
}

// eachPackageQuery runs fn as a sub-benchmark for the whole built-in query
// ("all") and for each rule package's share of it.
func eachPackageQuery(b *testing.B, fn func(b *testing.B, name string, pq rego.PreparedEvalQuery)) {
	queries, err := policy.PackageQueries(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range sortedNames(queries) {
		pq := queries[name]
		if name == "" {
			name = "all"
		}
		b.Run(name, func(b *testing.B) { fn(b, name, pq) })
	}
}

// evaluations counts the expression evaluations and re-evaluations (redo)
// the profiler saw: unlike time, the count does not depend on the
// machine's load, so it shows whether a rewrite saves work at all.
func evaluations(prof *profiler.Profiler) int {
	n := 0
	for _, f := range prof.ReportByFile().Files {
		for _, s := range f.Result {
			n += s.NumEval + s.NumRedo
		}
	}
	return n
}

// topFiles ranks the n policy files by expression evaluations (and redos)
// per query evaluation; "" is the query itself.
func topFiles(prof *profiler.Profiler, evals, n int) string {
	type file struct {
		name  string
		count int
	}
	var files []file
	for name, f := range prof.ReportByFile().Files {
		c := 0
		for _, s := range f.Result {
			c += s.NumEval + s.NumRedo
		}
		files = append(files, file{name, c})
	}
	sort.Slice(files, func(i, j int) bool {
		if files[i].count != files[j].count {
			return files[i].count > files[j].count
		}
		return files[i].name < files[j].name
	})
	var out strings.Builder
	for _, f := range files[:min(n, len(files))] {
		fmt.Fprintf(&out, "%6d exprs/op  %s\n", f.count/evals, f.name)
	}
	return out.String()
}

// topExpressions ranks the n expressions that took most of the profiled
// time, with their share, time and evaluations per query evaluation.
func topExpressions(prof *profiler.Profiler, evals, n int) string {
	var total int64
	for _, f := range prof.ReportByFile().Files {
		for _, s := range f.Result {
			total += s.ExprTimeNs
		}
	}
	var out strings.Builder
	for _, s := range prof.ReportTopNResults(n, []string{"total_time_ns"}) {
		text := strings.Join(strings.Fields(string(s.Location.Text)), " ")
		if len(text) > 90 {
			text = text[:90] + "…"
		}
		fmt.Fprintf(&out, "%5.1f%% %8d ns/op %6d evals/op  %s:%d  %s\n",
			100*float64(s.ExprTimeNs)/float64(total), s.ExprTimeNs/int64(evals), s.NumEval/evals,
			s.Location.File, s.Location.Row, text)
	}
	return out.String()
}

func sortedNames(queries map[string]rego.PreparedEvalQuery) []string {
	names := make([]string, 0, len(queries))
	for name := range queries {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
