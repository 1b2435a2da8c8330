package policy

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/policies"
)

// TestRuntimeCompileEqualsFull: compiling the built-in policies as a run
// does (no METADATA, runtimeSkips) yields the same compiled policies as
// the full compiler with METADATA, so the skipped stages are checks only.
// An OPA upgrade that makes one of them rewrite policies fails here.
func TestRuntimeCompileEqualsFull(t *testing.T) {
	full, err := builtinModules(ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true}, allPackages)
	if err != nil {
		t.Fatal(err)
	}
	want := ast.NewCompiler().WithEnablePrintStatements(false)
	want.Compile(full)
	if want.Failed() {
		t.Fatal(want.Errors)
	}
	fast, err := builtinModules(runtimeParse, allPackages)
	if err != nil {
		t.Fatal(err)
	}
	got, err := compileBuiltin(fast)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Modules) != len(want.Modules) || len(got.Modules) == 0 {
		t.Fatalf("%d modules, want %d", len(got.Modules), len(want.Modules))
	}
	for name, m := range want.Modules {
		g := got.Modules[name]
		if g == nil {
			t.Errorf("%s: missing", name)
			continue
		}
		if len(g.Rules) != len(m.Rules) {
			t.Errorf("%s: %d rules, want %d", name, len(g.Rules), len(m.Rules))
			continue
		}
		for i, r := range m.Rules {
			if g.Rules[i].Compare(r) != 0 {
				t.Errorf("%s: rule %s compiles to\n%v\nwant\n%v", name, r.Head.Ref(), g.Rules[i], r)
			}
		}
	}
}

// TestRulePackagesIndependent: no built-in rule package refers to another
// (only to the libraries), which lets each query compile only the packages
// it evaluates (forScripts, forInfinity); packageOf reads every package
// name as the parser does.
func TestRulePackagesIndependent(t *testing.T) {
	modules, err := builtinModules(runtimeParse, allPackages)
	if err != nil {
		t.Fatal(err)
	}
	rules := ast.MustParseRef("data." + strings.TrimSuffix(rulesPrefix, "."))
	for name, m := range modules {
		src, err := fs.ReadFile(policies.FS, strings.TrimPrefix(name, "policies/"))
		if err != nil {
			t.Fatal(err)
		}
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if got := packageOf(string(src)); got != pkg {
			t.Errorf("%s: packageOf says %q, the parser %q", name, got, pkg)
		}
		ast.WalkRefs(m, func(r ast.Ref) bool {
			if r.HasPrefix(rules) && !r.HasPrefix(m.Package.Path) {
				t.Errorf("%s: package %s refers to %v", name, pkg, r)
			}
			return false
		})
	}
	if len(modules) < 10 {
		t.Fatalf("%d modules", len(modules))
	}
}
