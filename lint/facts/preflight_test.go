package facts

import (
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"cuelang.org/go/cue"

	"github.com/pxlint/pxlint/lint/internal/golden"
	"github.com/pxlint/pxlint/lint/ps"
)

// TestPreflightGolden pins what `pxlint preflight` prints, so a change to
// the script is a reviewed change (refresh with go test ./lint/facts -update).
func TestPreflightGolden(t *testing.T) {
	golden.CheckString(t, "testdata/preflight.golden", PreflightScript())
}

func parsePreflight(t *testing.T) (*ps.Source, *ps.File) {
	t.Helper()
	return ps.ParseBytes([]byte(PreflightScript()), ps.DefaultLimits())
}

// TestPreflightParses: pxlint's own reader finds no syntax error or limit
// in the script it hands out.
func TestPreflightParses(t *testing.T) {
	_, f := parsePreflight(t)
	for _, d := range f.Diagnostics {
		t.Errorf("%s at %d:%d: %s", d.Rule, d.Span.Start.Line, d.Span.Start.Col, d.Message)
	}
	if len(f.Statements) < 10 {
		t.Errorf("only %d statements parsed", len(f.Statements))
	}
}

func TestPreflightIsASCII(t *testing.T) {
	for i, r := range PreflightScript() {
		if r > 0x7E || (r < 0x20 && r != '\n' && r != '\r' && r != '\t') {
			t.Fatalf("non-ASCII or control character %U at byte %d", r, i)
		}
	}
}

// hashtables returns every hashtable literal of the parsed script, found by
// walking the AST's exported fields (the AST has many node types; a
// reflective walk cannot miss one).
func hashtables(root any) []*ps.Hashtable {
	var out []*ps.Hashtable
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			if h, ok := v.Interface().(*ps.Hashtable); ok {
				out = append(out, h)
			}
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(root))
	return out
}

// schemaFields returns the field names of a CUE struct, recursively through
// structs and list elements; top holds those of the value itself.
func schemaFields(t *testing.T, v cue.Value, all map[string]bool) (top []string) {
	t.Helper()
	it, err := v.Fields(cue.Optional(true))
	if err != nil {
		t.Fatal(err)
	}
	for it.Next() {
		name := it.Selector().Unquoted()
		top = append(top, name)
		all[name] = true
		fv := it.Value()
		switch fv.IncompleteKind() {
		case cue.StructKind:
			schemaFields(t, fv, all)
		case cue.ListKind:
			if elem := fv.LookupPath(cue.MakePath(cue.AnyIndex)); elem.Exists() && elem.IncompleteKind() == cue.StructKind {
				schemaFields(t, elem, all)
			}
		}
	}
	sort.Strings(top)
	return top
}

// TestPreflightWritesTheSchema: the keys of the script's hashtables (every
// hashtable in it becomes JSON) are exactly the fields of #Facts, and the
// document hashtable holds exactly #Facts' top-level fields.
func TestPreflightWritesTheSchema(t *testing.T) {
	_, f := parsePreflight(t)
	if err := factsSchema.load(); err != nil {
		t.Fatal(err)
	}
	allSchema := map[string]bool{}
	topSchema := schemaFields(t, factsSchema.root.LookupPath(cue.ParsePath("#Facts")), allSchema)

	allScript := map[string]bool{}
	var topScript []string
	for _, h := range hashtables(f) {
		var keys []string
		for _, e := range h.Entries {
			if e.KeyText == "" {
				t.Errorf("hashtable entry at line %d has no static key", e.Span.Start.Line)
			}
			keys = append(keys, e.KeyText)
			allScript[e.KeyText] = true
		}
		if len(keys) > 0 && keys[0] == "schema" {
			sort.Strings(keys)
			topScript = keys
		}
	}
	if !reflect.DeepEqual(topScript, topSchema) {
		t.Errorf("document keys\n got %v\nwant %v (#Facts)", topScript, topSchema)
	}
	for k := range allScript {
		if !allSchema[k] {
			t.Errorf("the script writes %q, which #Facts does not have", k)
		}
	}
	for k := range allSchema {
		if !allScript[k] {
			t.Errorf("#Facts has %q, which the script never writes", k)
		}
	}
	if !strings.Contains(PreflightScript(), "schema           = '"+SchemaTag+"'") {
		t.Errorf("the script does not write schema %q", SchemaTag)
	}
}

// TestPreflightReadsNoSecrets: outside comments, the script names no command
// or property that yields tokens, secrets or credentials. (Get-AzContext's
// ExtendedProperties can hold a service principal secret in old Az.)
func TestPreflightReadsNoSecrets(t *testing.T) {
	_, f := parsePreflight(t)
	var code strings.Builder
	for _, tok := range f.Tokens {
		switch tok.Kind {
		case ps.TokComment, ps.TokBlockComment:
			continue
		}
		code.WriteString(tok.Text)
	}
	forbidden := regexp.MustCompile(`(?i)token|secret|password|credential|securestring|extendedproperties|certificate|Get-AzKeyVault|Set-|New-Az|Remove-|Install-|Update-|Export-`)
	for _, m := range forbidden.FindAllString(code.String(), -1) {
		t.Errorf("the preflight script uses %q", m)
	}
	if strings.Contains(code.String(), "Write-Output") {
		t.Error("the script must print nothing but where it wrote the facts")
	}
}
