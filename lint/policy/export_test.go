package policy

import (
	"context"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// PackageQueries prepares the engine's built-in script query over the
// built-in policies as Prepare compiles them: the whole query under "" and,
// under each rule package's name (e.g. "px106"), the same query restricted
// to that package, so benchmarks can rank the packages by cost.
func PackageQueries(ctx context.Context, opts ...func(*rego.Rego)) (map[string]rego.PreparedEvalQuery, error) {
	modules, err := builtinModules(runtimeParse, forScripts)
	if err != nil {
		return nil, err
	}
	compiler, err := compileBuiltin(modules)
	if err != nil {
		return nil, err
	}
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
		args := append([]func(*rego.Rego){rego.Query(q), rego.Compiler(compiler)}, opts...)
		pq, err := rego.New(args...).PrepareForEval(ctx)
		if err != nil {
			return nil, err
		}
		out[name] = pq
	}
	return out, nil
}
