package integration

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/golden"
	"github.com/pxlint/pxlint/lint/ps"
)

// The PowerShell module is not run here (no PowerShell on the CI machine):
// these tests read it with pxlint's own PowerShell reader and check its
// syntax, its help, its exports and its JSON-to-object mapping.

const moduleDir = "examples/powershell/PxLint"

// parseModuleFile reads one file of the module with lint/ps.
func parseModuleFile(t *testing.T, name string) (*ps.Source, *ps.File) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), moduleDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return ps.ParseBytes(b, ps.DefaultLimits())
}

// TestPxLintModuleParses: no syntax error (PX001) or limit (PX011) in the
// module or its manifest, and ASCII only, since Windows PowerShell 5.1
// reads a file without a byte-order mark in the ANSI code page.
func TestPxLintModuleParses(t *testing.T) {
	for _, name := range []string{"PxLint.psm1", "PxLint.psd1"} {
		t.Run(name, func(t *testing.T) {
			src, f := parseModuleFile(t, name)
			for _, d := range f.Diagnostics {
				t.Errorf("%s %s:%d:%d: %s", d.Rule, name, d.Span.Start.Line, d.Span.Start.Col, d.Message)
			}
			if len(f.Statements) == 0 {
				t.Error("nothing parsed")
			}
			for i, r := range src.Text {
				if r > 0x7e || (r < 0x20 && r != '\n' && r != '\r' && r != '\t') {
					t.Fatalf("non-ASCII or control character %U at byte %d", r, i)
				}
			}
		})
	}
}

// nodes returns every node of type T under root, found by walking the AST's
// exported fields.
func nodes[T any](root any) []T {
	var out []T
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			if n, ok := v.Interface().(T); ok {
				out = append(out, n)
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

// helpBefore returns the block comment that ends right before the function
// (only white space between): PowerShell's comment-based help position.
func helpBefore(src *ps.Source, f *ps.File, fn *ps.FunctionDef) string {
	for i := len(f.Comments) - 1; i >= 0; i-- {
		c := f.Comments[i]
		if c.Span.End.Offset > fn.Span.Start.Offset {
			continue
		}
		if c.Kind == ps.TokBlockComment && strings.TrimSpace(src.Text[c.Span.End.Offset:fn.Span.Start.Offset]) == "" {
			return c.Text
		}
		return ""
	}
	return ""
}

// TestPxLintModuleHelp: every function has comment-based help with a
// synopsis and one .PARAMETER per parameter; the exported ones also a
// description and an example. The manifest, Export-ModuleMember and the
// functions defined agree on what is exported.
func TestPxLintModuleHelp(t *testing.T) {
	src, f := parseModuleFile(t, "PxLint.psm1")
	fns := nodes[*ps.FunctionDef](f)
	if len(fns) == 0 {
		t.Fatal("no functions found")
	}
	public := map[string]bool{"Invoke-PxLint": true, "Get-PxPreflightFacts": true, "Test-PxDeployment": true}
	defined := map[string]bool{}
	for _, fn := range fns {
		defined[fn.Name] = true
		help := helpBefore(src, f, fn)
		if help == "" {
			t.Errorf("%s: no comment-based help (<# .SYNOPSIS ... #>) right before the function", fn.Name)
			continue
		}
		want := []string{".SYNOPSIS"}
		if public[fn.Name] {
			want = append(want, ".DESCRIPTION", ".EXAMPLE")
		}
		var params []*ps.ParamDecl
		if fn.Body != nil && fn.Body.Params != nil {
			params = fn.Body.Params.Params
		}
		params = append(params, fn.Params...)
		for _, p := range params {
			want = append(want, ".PARAMETER "+p.Variable.Name)
		}
		for _, w := range want {
			if !strings.Contains(help, w) {
				t.Errorf("%s: help lacks %s", fn.Name, w)
			}
		}
	}
	for name := range public {
		if !defined[name] {
			t.Errorf("%s is not defined", name)
		}
	}

	// Export-ModuleMember -Function 'a', 'b' and the manifest's FunctionsToExport.
	exported := map[string]bool{}
	for _, cmd := range nodes[*ps.Command](f) {
		if strings.EqualFold(cmd.NameText, "Export-ModuleMember") {
			for _, s := range nodes[*ps.StringLiteral](cmd) {
				exported[s.Value] = true
			}
		}
	}
	if !reflect.DeepEqual(exported, public) {
		t.Errorf("Export-ModuleMember exports %v, want %v", keys(exported), keys(public))
	}
	_, manifest := parseModuleFile(t, "PxLint.psd1")
	inManifest := map[string]bool{}
	for _, h := range nodes[*ps.Hashtable](manifest) {
		for _, e := range h.Entries {
			if e.KeyText == "FunctionsToExport" {
				for _, s := range nodes[*ps.StringLiteral](e) {
					inManifest[s.Value] = true
				}
			}
		}
	}
	if !reflect.DeepEqual(inManifest, public) {
		t.Errorf("the manifest exports %v, want %v", keys(inManifest), keys(public))
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// findingField is one entry of the module's $script:FindingFields: an
// object property and the report field it is read from.
type findingField struct{ Property, Path string }

// moduleFindingFields reads $script:FindingFields from the module, in order.
func moduleFindingFields(t *testing.T) []findingField {
	t.Helper()
	_, f := parseModuleFile(t, "PxLint.psm1")
	for _, a := range nodes[*ps.AssignmentStmt](f) {
		if v := a.TargetVariable(); v == nil || !strings.EqualFold(v.Name, "FindingFields") {
			continue
		}
		tables := nodes[*ps.Hashtable](a.Value)
		if len(tables) != 1 {
			t.Fatalf("$script:FindingFields: want one hashtable literal, found %d", len(tables))
		}
		var out []findingField
		for _, e := range tables[0].Entries {
			lit, ok := e.ValueExpr().(*ps.StringLiteral)
			if e.KeyText == "" || !ok {
				t.Fatalf("$script:FindingFields: entry at line %d is not Name = 'field'", e.Span.Start.Line)
			}
			out = append(out, findingField{e.KeyText, lit.Value})
		}
		return out
	}
	t.Fatal("no $script:FindingFields in the module")
	return nil
}

// TestPxLintFindingFieldsMatchTheReportSchema: every report field the module
// reads is a property of a finding (or of its region) in
// schemas/report.schema.json, and the properties are all there.
func TestPxLintFindingFieldsMatchTheReportSchema(t *testing.T) {
	var schema struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "schemas", "report.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	// A path's first part is a finding property; "region.x" goes on in #/$defs/region.
	nested := map[string]string{"region": "region"}
	props := map[string]bool{}
	for _, fld := range moduleFindingFields(t) {
		props[fld.Property] = true
		parts := strings.Split(fld.Path, ".")
		def := "finding"
		for i, part := range parts {
			if _, ok := schema.Defs[def].Properties[part]; !ok {
				t.Errorf("%s reads %q: #/$defs/%s has no property %q", fld.Property, fld.Path, def, part)
				break
			}
			if i < len(parts)-1 {
				if def = nested[part]; def == "" {
					t.Errorf("%s reads %q: %q is not an object the test knows", fld.Property, fld.Path, part)
					break
				}
			}
		}
	}
	for _, want := range []string{"Rule", "Severity", "File", "Line", "Column", "Message", "Fix"} {
		if !props[want] {
			t.Errorf("finding objects lack the %s property", want)
		}
	}
}

// applyFindingFields does what the module's ConvertTo-PxFinding does: for
// each property, follow the dotted path into the finding; a missing field
// (no region, no fix) is null.
func applyFindingFields(fields []findingField, finding map[string]any) orderedObject {
	obj := make(orderedObject, 0, len(fields))
	for _, fld := range fields {
		var v any = finding
		for _, part := range strings.Split(fld.Path, ".") {
			m, ok := v.(map[string]any)
			if !ok {
				v = nil
				break
			}
			v = m[part]
		}
		obj = append(obj, property{fld.Property, v})
	}
	return obj
}

// orderedObject is a PSCustomObject as JSON: properties in their order.
type orderedObject []property

type property struct {
	Name  string
	Value any
}

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(p.Name)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(p.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// TestPxLintFindingObjects is the golden test of the mapping: the report
// package's golden JSON report (findings with and without a region, a fix,
// suppressed, failing, a user rule) turned into the objects Invoke-PxLint
// returns, one per finding, properties in order. -update rewrites it.
func TestPxLintFindingObjects(t *testing.T) {
	fields := moduleFindingFields(t)
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "lint", "report", "testdata", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var report struct {
		Files []struct {
			Findings []map[string]any `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal(b, &report); err != nil {
		t.Fatal(err)
	}
	var objects []orderedObject
	for _, f := range report.Files {
		for _, finding := range f.Findings {
			objects = append(objects, applyFindingFields(fields, finding))
		}
	}
	if len(objects) == 0 {
		t.Fatal("the report has no findings")
	}
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(objects); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "pxlint-findings.golden.json"), got.Bytes())
}

// TestPxLintModuleFindsTheBinary: the release archive layout the module
// relies on (PxLint\ beside pxlint.exe) is what .goreleaser.yaml packs.
func TestPxLintModuleFindsTheBinary(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s+- src: ` + regexp.QuoteMeta(moduleDir) + `/PxLint\.ps\*1\n\s+dst: PxLint\n`).Match(b) {
		t.Errorf(".goreleaser.yaml does not pack %s as PxLint/ beside the binary", moduleDir)
	}
	src, _ := parseModuleFile(t, "PxLint.psm1")
	if !strings.Contains(src.Text, "(Split-Path -Path $PSScriptRoot -Parent)") {
		t.Error("the module no longer looks for pxlint.exe one folder up")
	}
}
