package policy

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestPureFunctions: a function is pure unless it, or what it refers to,
// reads the input, calls a non-deterministic built-in or uses `with`.
func TestPureFunctions(t *testing.T) {
	m := ast.MustParseModuleWithOpts(`package t

double(x) := 2 * x
quad(x) := double(double(x))
table := {"a": 1}
lookup(k) := table[k]
reads_input(k) := input.values[k]
via_input(k) := reads_input(k) + 1
from_input_rule := input.n
via_rule(x) := x + from_input_rule
now(x) := time.now_ns() + x
nested_now(x) := [y | y := time.now_ns() + x]
with_data(x) := y if {
	y := lookup(x) with data.t.table as {"a": 2}
}
two(x) := 1 if x == 1
two(x) := 2 if x == 2
two(x) := input.n if x == 3
else_input(x) := 1 if x == 1
else := input.n
`, ast.ParserOptions{RegoVersion: ast.RegoV1})
	c := ast.NewCompiler()
	c.Compile(map[string]*ast.Module{"t.rego": m})
	if c.Failed() {
		t.Fatal(c.Errors)
	}
	got := pureFunctions(c)
	for f, want := range map[string]bool{
		"double": true, "quad": true, "lookup": true,
		"reads_input": false, "via_input": false, "via_rule": false, "now": false, "nested_now": false,
		"with_data": false, "two": false, "else_input": false,
	} {
		if got["data.t."+f] != want {
			t.Errorf("%s: pure %v, want %v", f, got["data.t."+f], want)
		}
	}
}

// TestBuiltinPureFunctions: the built-in address helpers are shared, the
// value look-ups (which read the input) are not.
func TestBuiltinPureFunctions(t *testing.T) {
	e, err := Prepare(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	pure := pureFunctions(e.compiler)
	if !pure["data.pxlint.lib.is_ipv4"] || pure["data.pxlint.lib.value"] {
		t.Errorf("is_ipv4 pure %v (want true), value pure %v (want false)", pure["data.pxlint.lib.is_ipv4"], pure["data.pxlint.lib.value"])
	}
}
