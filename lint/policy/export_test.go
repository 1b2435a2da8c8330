package policy

import (
	"context"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// PackageQueries prepares, over the built-in policies as Prepare readies
// them for scripts, the engine's built-in query under "" and, under each
// rule package's name (e.g. "px106"), the same query restricted to that
// package, so benchmarks can rank the packages by cost.
func PackageQueries(ctx context.Context) (map[string]rego.PreparedEvalQuery, error) {
	e, err := Prepare(ctx, nil)
	if err != nil {
		return nil, err
	}
	modules := e.compiler.Modules
	queries := map[string]string{"": builtinQuery(modules, false)}
	for file, m := range modules {
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !strings.HasPrefix(pkg, rulesPrefix) || isInfinity(pkg) {
			continue
		}
		queries[strings.TrimPrefix(pkg, rulesPrefix)] = builtinQuery(map[string]*ast.Module{file: m}, false)
	}
	out := make(map[string]rego.PreparedEvalQuery, len(queries))
	for name, q := range queries {
		pq, err := rego.New(rego.Query(q), rego.Compiler(e.compiler)).PrepareForEval(ctx)
		if err != nil {
			return nil, err
		}
		out[name] = pq
	}
	return out, nil
}

// SharedCalls is how many function calls e's evaluations share
// (funccache.go); none before its second evaluation.
func SharedCalls(e *Engine) int64 {
	if e.calls.evals.Load() < 2 {
		return 0
	}
	return e.runCache().n.Load()
}

// EvalWith is Engine.Eval with options for the built-in query, such as
// a tracer, or a virtual cache of OPA's own (which replaces the run's).
func EvalWith(ctx context.Context, e *Engine, input any, opts ...rego.EvalOption) (*Output, error) {
	return e.eval(ctx, input, false, opts...)
}
