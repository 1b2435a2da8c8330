package policy

import (
	"bytes"
	"context"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/version"

	"github.com/pxlint/pxlint/lint/policy/internal/snapshot"
	"github.com/pxlint/pxlint/lint/policy/regotest"
	"github.com/pxlint/pxlint/policies"
)

// TestSnapshotFresh: the committed snapshot is what `go generate` writes
// today, byte for byte, so a policy edited without regenerating (which a
// run would survive by compiling, slowly) fails here.
func TestSnapshotFresh(t *testing.T) {
	want, err := BuildSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(builtinSnapshot), want) {
		t.Fatal("lint/policy/builtin.snapshot is stale: run go generate ./lint/policy")
	}
	h, err := snapshot.ReadHeader(builtinSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	src, err := builtinSources()
	if err != nil {
		t.Fatal(err)
	}
	if h.OPAVersion != version.Version || h.SourceHash != src.hash {
		t.Errorf("header %+v, want OPA %s and sources %s", h, version.Version, src.hash)
	}
}

// TestPrepareUsesSnapshot: the engines the tests (golden files,
// examples) and runs prepare are restored from the snapshot, not the
// fallback compile, so those tests judge the snapshot.
func TestPrepareUsesSnapshot(t *testing.T) {
	for _, en := range builtinEngines {
		if _, err := restoreBuiltin(en); err != nil {
			t.Errorf("%s: %v", en.name, err)
		}
	}
	e, err := Prepare(context.Background(), []string{"../../examples/policies"})
	if err != nil {
		t.Fatal(err)
	}
	if !e.restored {
		t.Error("Prepare compiled the built-in policies instead of restoring them")
	}
	inf, err := PrepareInfinity(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !inf.restored {
		t.Error("PrepareInfinity compiled the built-in policies instead of restoring them")
	}
}

// TestRestoredEqualsCompiled: a restored engine's compiler holds the same
// modules (Compare and String), rule tree, comprehension indices and
// rewritten variables as a fresh compile with every stage and as the
// run's fallback compile.
func TestRestoredEqualsCompiled(t *testing.T) {
	indexed := 0
	for _, en := range builtinEngines {
		restored, err := restoreBuiltin(en)
		if err != nil {
			t.Fatal(err)
		}
		full, err := compileFull(en)
		if err != nil {
			t.Fatal(err)
		}
		fallback, err := compileBuiltinEngine(en)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []struct {
			name string
			c    *ast.Compiler
		}{{"full compile", full}, {"fallback compile", fallback}} {
			sameCompiled(t, en.name+" vs "+want.name, restored, want.c)
		}
		for name := range full.Modules {
			for _, ix := range comprehensionIndices(full, name) {
				if !strings.HasSuffix(ix, " "+noIndex) {
					indexed++
				}
			}
		}
	}
	// The comparison means something only if some rule has an index.
	if indexed == 0 {
		t.Error("no built-in rule has a comprehension index to compare")
	}
}

func sameCompiled(t *testing.T, what string, got, want *ast.Compiler) {
	t.Helper()
	if len(got.Modules) != len(want.Modules) || len(got.Modules) < 10 {
		t.Fatalf("%s: %d modules, want %d", what, len(got.Modules), len(want.Modules))
	}
	for name, w := range want.Modules {
		g := got.Modules[name]
		switch {
		case g == nil:
			t.Errorf("%s: %s missing", what, name)
		case !g.Equal(withoutMetadata(w)):
			t.Errorf("%s: %s differs:\n%v\nwant\n%v", what, name, g, w)
		case g.String() != w.String():
			t.Errorf("%s: %s prints differently", what, name)
		case g.RegoVersionSpan() != w.RegoVersionSpan():
			t.Errorf("%s: %s: Rego version %v, want %v", what, name, g.RegoVersionSpan(), w.RegoVersionSpan())
		}
	}
	if g, w := ruleTreePaths(got), ruleTreePaths(want); !slices.Equal(g, w) {
		t.Errorf("%s: rule tree\n%v\nwant\n%v", what, g, w)
	}
	for name := range want.Modules {
		g, w := comprehensionIndices(got, name), comprehensionIndices(want, name)
		if !slices.Equal(g, w) {
			t.Errorf("%s: %s: comprehension indices\n%v\nwant\n%v", what, name, g, w)
		}
	}
	for v, w := range want.RewrittenVars {
		if got.RewrittenVars[v] != w {
			t.Errorf("%s: rewritten var %v = %v, want %v", what, v, got.RewrittenVars[v], w)
		}
	}
	if len(got.RewrittenVars) != len(want.RewrittenVars) {
		t.Errorf("%s: %d rewritten vars, want %d", what, len(got.RewrittenVars), len(want.RewrittenVars))
	}
}

// withoutMetadata is m without METADATA annotations, which evaluation
// does not read and the snapshot leaves out (compileFull).
func withoutMetadata(m *ast.Module) *ast.Module {
	if len(m.Annotations) == 0 {
		return m
	}
	c := m.Copy()
	c.Annotations = nil
	return c
}

// comprehensionIndices lists, for every comprehension of a module in
// walk order, where it is and the index the compiler holds for it
// (noIndex for none).
func comprehensionIndices(c *ast.Compiler, module string) []string {
	var out []string
	ast.WalkTerms(c.Modules[module], func(t *ast.Term) bool {
		switch t.Value.(type) {
		case *ast.ArrayComprehension, *ast.SetComprehension, *ast.ObjectComprehension:
			ix := noIndex
			if i := c.ComprehensionIndex(t); i != nil {
				ix = i.String()
			}
			out = append(out, t.Location.String()+" "+ix)
		}
		return false
	})
	return out
}

const noIndex = "(no index)"

// ruleTreePaths lists every rule tree node's path and rule count.
func ruleTreePaths(c *ast.Compiler) []string {
	var out []string
	var walk func(n *ast.TreeNode, path ast.Ref)
	walk = func(n *ast.TreeNode, path ast.Ref) {
		p := path
		if n.Key != nil {
			p = append(slices.Clone(path), ast.NewTerm(n.Key))
		}
		out = append(out, p.String()+" "+string(rune('0'+min(len(n.Values), 9))))
		for _, k := range n.Sorted {
			walk(n.Children[k], p)
		}
	}
	walk(c.RuleTree, nil)
	return out
}

// TestSnapshotRoundTrip: decoding the encoding of every compiled module
// gives it back (Compare, String, and the same encoding again, which
// covers locations).
func TestSnapshotRoundTrip(t *testing.T) {
	src, err := builtinSources()
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range builtinEngines {
		c, err := compileFull(en)
		if err != nil {
			t.Fatal(err)
		}
		in := snapshot.Engine{Name: en.name, Modules: c.Modules, RewrittenVars: c.RewrittenVars}
		h := snapshot.Header{OPAVersion: "test", SourceHash: "test"}
		data, err := snapshot.Encode(h, []snapshot.Engine{in}, src.lookup)
		if err != nil {
			t.Fatal(err)
		}
		_, out, err := snapshot.Decode(string(data), en.name, src.lookup)
		if err != nil {
			t.Fatal(err)
		}
		for name, m := range in.Modules {
			g := out.Modules[name]
			if g == nil || !g.Equal(m) || g.String() != m.String() {
				t.Errorf("%s: %s does not round-trip", en.name, name)
			}
		}
		again, err := snapshot.Encode(h, []snapshot.Engine{out}, src.lookup)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Errorf("%s: re-encoding differs", en.name)
		}
	}
}

// TestRegoThroughSnapshot runs the built-in policies' Rego unit tests on a
// compiler restored as a run restores the built-in engines: the tests and
// the policies compiled together (by the tester's rules), encoded, decoded
// and restored with restoreStages only.
func TestRegoThroughSnapshot(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every Rego test; go test ./policies runs them compiled")
	}
	ctx := context.Background()
	compiled, err := regotest.Compile(ctx, policies.FS)
	if err != nil {
		t.Fatal(err)
	}
	dropMetadata(compiled.Modules)
	sources := func(file string) ([]byte, bool) {
		src, err := fs.ReadFile(policies.FS, file)
		return src, err == nil
	}
	in := snapshot.Engine{Name: "tests", Modules: compiled.Modules, RewrittenVars: compiled.RewrittenVars}
	data, err := snapshot.Encode(snapshot.Header{}, []snapshot.Engine{in}, sources)
	if err != nil {
		t.Fatal(err)
	}
	_, out, err := snapshot.Decode(string(data), "tests", sources)
	if err != nil {
		t.Fatal(err)
	}
	restored, err := restore(out)
	if err != nil {
		t.Fatal(err)
	}
	results, err := regotest.RunCompiled(ctx, restored)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Err != nil || r.Failed {
			t.Errorf("%s failed (%s): %v", r.Name, r.Where, r.Err)
		}
	}
	tests := 0
	for _, m := range compiled.Modules {
		for _, r := range m.Rules {
			if strings.HasPrefix(string(r.Head.Name), "test_") {
				tests++
			}
		}
	}
	if len(results) != tests || tests < 100 {
		t.Fatalf("ran %d Rego tests of %d", len(results), tests)
	}
	t.Logf("%d Rego tests", len(results))
}

// TestUnusableSnapshotFallsBack: a snapshot of other sources, or one that
// does not decode, is not restored; the run compiles the policies instead
// and judges the same.
func TestUnusableSnapshotFallsBack(t *testing.T) {
	good := builtinSnapshot
	t.Cleanup(func() { builtinSnapshot = good })
	src, err := builtinSources()
	if err != nil {
		t.Fatal(err)
	}
	var engines []snapshot.Engine
	for _, en := range builtinEngines {
		c, err := compileFull(en)
		if err != nil {
			t.Fatal(err)
		}
		engines = append(engines, snapshot.Engine{Name: en.name, Modules: c.Modules, RewrittenVars: c.RewrittenVars})
	}
	stale, err := snapshot.Encode(snapshot.Header{OPAVersion: version.Version, SourceHash: "edited"}, engines, src.lookup)
	if err != nil {
		t.Fatal(err)
	}
	corrupt := []byte(good)
	corrupt[len(corrupt)/2] ^= 0xff
	input := map[string]any{"variables": map[string]any{"PxBaseConnName": map[string]any{"kind": "string", "value": "Fabrikam!"}}}
	restored, err := Prepare(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want, err := restored.Eval(context.Background(), input)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Deny) == 0 {
		t.Fatal("no finding to compare")
	}
	for name, data := range map[string]string{"stale": string(stale), "corrupt": string(corrupt), "empty": ""} {
		builtinSnapshot = data
		if _, err := restoreBuiltin(scriptsEngine); err == nil {
			t.Errorf("%s: restored", name)
		}
		e, err := Prepare(context.Background(), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if e.restored {
			t.Errorf("%s: Prepare says restored", name)
		}
		got, err := e.Eval(context.Background(), input)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the compiled engine says\n%+v\nthe restored one\n%+v", name, got, want)
		}
	}
}
