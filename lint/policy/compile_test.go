package policy

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestRuntimeCompileEqualsFull: compiling the built-in policies as a run
// does (no METADATA, runtimeSkips) yields the same compiled policies as
// the full compiler with METADATA, so the skipped stages are checks only.
// An OPA upgrade that makes one of them rewrite policies fails here.
func TestRuntimeCompileEqualsFull(t *testing.T) {
	full, err := builtinModules(ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
	if err != nil {
		t.Fatal(err)
	}
	want := ast.NewCompiler().WithEnablePrintStatements(false)
	want.Compile(full)
	if want.Failed() {
		t.Fatal(want.Errors)
	}
	fast, err := builtinModules(runtimeParse)
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
