// Package regotest runs Rego unit tests (`test_*` rules in *_test.rego)
// through OPA's tester for `go test`: the built-in policies' tests
// (policies/) and the shipped example policies' tests alike. Only tests
// import it; the pxlint binary never runs Rego tests.
package regotest

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
)

// Result is the outcome of one Rego unit test (`test_*` rule).
type Result struct {
	Name   string // package.rule
	Failed bool
	Err    error
	Where  string // file:row
}

// Run runs every `test_*` rule of the .rego files in fsys (tests and the
// modules they test) through OPA's tester.
func Run(ctx context.Context, fsys fs.FS) ([]Result, error) {
	modules, err := parse(fsys)
	if err != nil {
		return nil, err
	}
	return run(ctx, newRunner().SetModules(modules))
}

// Compile compiles the .rego files in fsys as Run does (with the tester's
// own stages) without running a test: for tests that run them from
// another compiler (RunCompiled), e.g. one restored from a snapshot.
func Compile(ctx context.Context, fsys fs.FS) (*ast.Compiler, error) {
	modules, err := parse(fsys)
	if err != nil {
		return nil, err
	}
	c := ast.NewCompiler().WithEnablePrintStatements(true) // as the tester's own
	// A filter no test name matches: the runner compiles, runs nothing.
	if _, err := run(ctx, newRunner().SetCompiler(c).SetModules(modules).Filter("^$")); err != nil {
		return nil, err
	}
	return c, nil
}

// RunCompiled runs every `test_*` rule of an already compiled compiler's
// modules, without compiling them again.
func RunCompiled(ctx context.Context, c *ast.Compiler) ([]Result, error) {
	return run(ctx, newRunner().SetCompiler(c))
}

func parse(fsys fs.FS) (map[string]*ast.Module, error) {
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") {
			return err
		}
		src, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(path, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		if err != nil {
			return err
		}
		modules[path] = m
		return nil
	})
	return modules, err
}

func newRunner() *tester.Runner {
	// OPA's default of 5 s per test is too tight for the linear-time tests
	// over thousands of entries on a loaded 2-core CI machine.
	return tester.NewRunner().SetTimeout(2 * time.Minute)
}

func run(ctx context.Context, runner *tester.Runner) ([]Result, error) {
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		return nil, err
	}
	var out []Result
	for r := range ch {
		res := Result{Name: r.Package + "." + r.Name, Failed: r.Fail, Err: r.Error}
		if r.Location != nil {
			res.Where = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
		}
		out = append(out, res)
	}
	return out, nil
}
