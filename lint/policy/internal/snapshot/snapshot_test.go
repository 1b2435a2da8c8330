package snapshot

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// fixture parses testdata (every node type the codec knows) into modules;
// compiled, with every compiler stage, when compile is set.
func fixture(t testing.TB, compile bool) (map[string]*ast.Module, map[ast.Var]ast.Var, Sources) {
	t.Helper()
	en, sources := fixtureEngine(t, compile)
	return en.Modules, en.RewrittenVars, sources
}

// fixtureEngine is fixture as an engine named "one", with the rules the
// compiler indexes a comprehension of when compiled.
func fixtureEngine(t testing.TB, compile bool) (Engine, Sources) {
	t.Helper()
	files, err := filepath.Glob("testdata/*.rego")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	src := map[string][]byte{}
	modules := map[string]*ast.Module{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src[f] = b
		m, err := ast.ParseModuleWithOpts(f, string(b), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		modules[f] = m
	}
	sources := func(file string) ([]byte, bool) {
		b, ok := src[file]
		return b, ok
	}
	if !compile {
		return Engine{Name: "one", Modules: modules}, sources
	}
	c := ast.NewCompiler()
	c.Compile(modules)
	if c.Failed() {
		t.Fatal(c.Errors)
	}
	return Engine{Name: "one", Modules: c.Modules, RewrittenVars: c.RewrittenVars, Indexed: IndexedRules(c)}, sources
}

// TestRoundTrip: decoding an encoding gives every module back (Compare,
// String, Rego version, and the same bytes when encoded again, which
// covers locations), parsed as well as compiled, and the rewritten
// variables.
func TestRoundTrip(t *testing.T) {
	for _, compiled := range []bool{false, true} {
		one, sources := fixtureEngine(t, compiled)
		if compiled != (len(one.Indexed) > 0) {
			t.Fatalf("compiled=%v: %d rules indexed", compiled, len(one.Indexed))
		}
		in := []Engine{one, {Name: "two", Modules: one.Modules}}
		h := Header{OPAVersion: "v", SourceHash: "h"}
		data, err := Encode(h, in, sources)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range in {
			gotH, got, err := Decode(string(data), want.Name, sources)
			if err != nil {
				t.Fatal(err)
			}
			if gotH != h {
				t.Errorf("header %+v, want %+v", gotH, h)
			}
			for name, m := range want.Modules {
				g := got.Modules[name]
				switch {
				case g == nil:
					t.Fatalf("%s missing", name)
				case !g.Equal(m):
					t.Errorf("compiled=%v %s:\n%v\nwant\n%v", compiled, name, g, m)
				case g.String() != m.String():
					t.Errorf("compiled=%v %s prints\n%s\nwant\n%s", compiled, name, g, m)
				case g.RegoVersionSpan() != m.RegoVersionSpan():
					t.Errorf("compiled=%v %s: version %v, want %v", compiled, name, g.RegoVersionSpan(), m.RegoVersionSpan())
				case !reflect.DeepEqual(g.Comments, m.Comments):
					t.Errorf("compiled=%v %s: comments differ", compiled, name)
				}
				for _, r := range g.Rules {
					if r.Module != g {
						t.Errorf("%s: rule %v is not in its module", name, r.Head.Ref())
					}
				}
			}
			if len(want.RewrittenVars) != len(got.RewrittenVars) || (len(want.RewrittenVars) > 0 && !reflect.DeepEqual(want.RewrittenVars, got.RewrittenVars)) {
				t.Errorf("rewritten vars %v, want %v", got.RewrittenVars, want.RewrittenVars)
			}
			if g, w := ruleLocations(got.Indexed), ruleLocations(want.Indexed); !reflect.DeepEqual(g, w) {
				t.Errorf("compiled=%v: indexed rules %v, want %v", compiled, g, w)
			}
			again, err := Encode(h, []Engine{got, in[1]}, sources)
			if err != nil {
				t.Fatal(err)
			}
			if want.Name == "one" && !bytes.Equal(again, data) {
				t.Errorf("compiled=%v: re-encoding differs", compiled)
			}
		}
	}
}

// ruleLocations are where the rules are, sorted.
func ruleLocations(rules map[*ast.Rule]bool) []string {
	var out []string
	for r := range rules {
		out = append(out, r.Location.String())
	}
	sort.Strings(out)
	return out
}

// TestFixtureCoversEveryNode: the fixture holds every expression and
// value kind the codec knows, so TestRoundTrip exercises them all.
func TestFixtureCoversEveryNode(t *testing.T) {
	seen := map[string]bool{}
	for _, compiled := range []bool{false, true} {
		modules, _, _ := fixture(t, compiled)
		for _, m := range modules {
			ast.WalkNodes(m, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Expr:
					seen[reflect.TypeOf(n.Terms).String()] = true
					seen["negated"] = seen["negated"] || n.Negated
					seen["with"] = seen["with"] || len(n.With) > 0
				case *ast.Term:
					seen[reflect.TypeOf(n.Value).String()] = true
				case *ast.Rule:
					seen["else"] = seen["else"] || n.Else != nil
					seen["default"] = seen["default"] || n.Default
				}
				return false
			})
			seen["import"] = seen["import"] || len(m.Imports) > 0
		}
	}
	for _, kind := range []string{
		"*ast.Term", "[]*ast.Term", "*ast.SomeDecl", "*ast.Every", "*ast.Not", "*ast.LogicalAnd", "*ast.LogicalOr",
		"ast.Null", "ast.Boolean", "ast.Number", "ast.String", "ast.Var", "ast.Ref", "*ast.Array", "*ast.set", "*ast.object",
		"*ast.ArrayComprehension", "*ast.SetComprehension", "*ast.ObjectComprehension", "ast.Call", "*ast.TemplateString",
		"negated", "with", "else", "default", "import",
	} {
		if !seen[kind] {
			t.Errorf("testdata has no %s", kind)
		}
	}
}

// alien is a value the codec does not know, as a new OPA version might add.
type alien struct{ ast.Value }

// TestUnknownNodeFails: a node type the codec does not know fails
// encoding, naming it, rather than being dropped.
func TestUnknownNodeFails(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*ast.Module)
		want string
	}{
		{"value", func(m *ast.Module) { m.Rules[0].Head.Value = ast.NewTerm(alien{ast.String("x")}) }, "snapshot.alien"},
		{"expression", func(m *ast.Module) { m.Rules[0].Body[0].Terms = ast.String("x") }, "ast.String"},
		{"annotations", func(m *ast.Module) { m.Annotations = []*ast.Annotations{{Scope: "package"}} }, "METADATA"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := ast.MustParseModule("package p\n\nr := 1 if {\n\tinput.x\n}\n")
			tc.edit(m)
			_, err := Encode(Header{}, []Engine{{Name: "e", Modules: map[string]*ast.Module{"p.rego": m}}}, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one naming %s", err, tc.want)
			}
		})
	}
}

// TestDecodeRejects: foreign, truncated, altered or stale-format bytes
// are errors.
func TestDecodeRejects(t *testing.T) {
	modules, vars, sources := fixture(t, true)
	data, err := Encode(Header{OPAVersion: "v"}, []Engine{{Name: "e", Modules: modules, RewrittenVars: vars}}, sources)
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(data)
	flipped[len(flipped)-10] ^= 0xff
	format := bytes.Clone(data)
	format[len(magic)]++
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"foreign":   []byte("package p\n"),
		"truncated": data[:len(data)/2],
		"altered":   flipped,
		"format":    format,
	} {
		if _, _, err := Decode(string(bad), "e", sources); err == nil {
			t.Errorf("%s: decoded", name)
		}
	}
	if _, _, err := Decode(string(data), "other", sources); err == nil {
		t.Error("decoded an engine the snapshot does not have")
	}
	if _, _, err := Decode(string(data), "e", func(string) ([]byte, bool) { return nil, false }); err == nil {
		t.Error("decoded without the sources its locations refer to")
	}
}

// TestWorkersDecodeAlike: however many goroutines decode an engine's
// modules, and however the modules are split among them, the engine is
// the same (it encodes to the same bytes), and a corrupt module is an
// error whichever goroutine reads it.
func TestWorkersDecodeAlike(t *testing.T) {
	modules, vars, sources := fixture(t, true)
	// More modules than workers: the fixture's, under other names too.
	many := map[string]*ast.Module{}
	for name, m := range modules {
		for _, copyName := range []string{"a", "b", "c"} {
			many[copyName+"/"+name] = m
		}
	}
	in := []Engine{{Name: "e", Modules: many, RewrittenVars: vars}}
	data, err := Encode(Header{}, in, sources)
	if err != nil {
		t.Fatal(err)
	}
	_, payload, err := header(string(data))
	if err != nil {
		t.Fatal(err)
	}
	decode := func(payload string, workers int) (Engine, error) {
		r := &reader{data: payload, end: len(payload), sources: sources}
		r.seekEngine("e")
		en := r.engine("e", workers)
		return en, r.err
	}
	for workers := 1; workers <= len(many)+1; workers++ {
		en, err := decode(payload, workers)
		if err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		again, err := Encode(Header{}, []Engine{en}, sources)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Errorf("%d workers: the engine decoded differs", workers)
		}
	}
	// A module whose last varint (its Rego version) runs past its end is
	// corrupt, whichever goroutine reads it.
	r := &reader{data: payload, end: len(payload), sources: sources}
	r.seekEngine("e")
	parts := r.directory()
	if r.err != nil {
		t.Fatal(r.err)
	}
	for _, p := range parts {
		corrupt := payload[:p.end-1] + "\x80" + payload[p.end:]
		for _, workers := range []int{1, 2, len(parts)} {
			if _, err := decode(corrupt, workers); err == nil {
				t.Errorf("%s corrupt, %d workers: no error", p.name, workers)
			}
		}
	}
}

// TestSplit: runs of modules hold about equal bytes, a module is never
// cut, and there are never more runs than asked or empty ones.
func TestSplit(t *testing.T) {
	even := make([]modulePart, 6)
	for i := range even {
		even[i] = modulePart{start: 10 * i, end: 10 * (i + 1)}
	}
	skewed := []modulePart{{start: 0, end: 10}, {start: 10, end: 20}, {start: 20, end: 100}, {start: 100, end: 110}}
	for _, c := range []struct {
		parts []modulePart
		n     int
		want  [][2]int
	}{
		{even, 1, [][2]int{{0, 6}}},
		{even, 2, [][2]int{{0, 3}, {3, 6}}},
		{even, 3, [][2]int{{0, 2}, {2, 4}, {4, 6}}},
		{even, 9, [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}}},
		{skewed, 2, [][2]int{{0, 3}, {3, 4}}},
		{skewed, 4, [][2]int{{0, 3}, {3, 4}}},
		{nil, 2, nil},
	} {
		if got := split(c.parts, c.n); !reflect.DeepEqual(got, c.want) {
			t.Errorf("split of %v in %d: %v, want %v", c.parts, c.n, got, c.want)
		}
	}
}
