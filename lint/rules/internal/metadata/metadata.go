// Package metadata reads the built-in rules' `# METADATA` blocks — in the
// rule's .rego file, or a METADATA comment block beside a CUE or Go check —
// and renders the registry's generated Go file (lint/rules/registry_gen.go).
//
// Every block is parsed by OPA's own annotation parser, the one that reads
// user policies' METADATA (lint/policy), so built-in and user rules share
// one format: title and description are OPA's fields, the rest sits under
// custom. A CUE or Go block is the same YAML written as `//` comment lines
// after a `// METADATA` line; it is turned into `#` lines and parsed the same
// way, and must be followed by a blank line (so gofmt never takes it for a
// doc comment and rewraps it).
//
// It runs at `go generate` time only: lint/rules does not import it, so the
// policy engine is not linked into the registry.
package metadata

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/lint/finding"
)

// Engines, as lint/rules names them.
const (
	engineGo      = "go"
	engineCUE     = "cue"
	engineRego    = "rego"
	engineCUERego = "cue+rego"
)

// Option is one rule option (a key of custom.options).
type Option struct {
	Name, Description, Kind string
	Min, Max, MaxItems      int
}

// Rule is one rule's metadata as written in its block.
type Rule struct {
	Source string // slash path from the repository root
	Line   int    // of the METADATA block

	ID, Name, Title, Severity, Engine   string
	Levels                              []string
	Description, Prevents, Remediation  string
	Bad, Good, Assumes                  string
	Needs                               []string
	Fragment, NotSuppressible, Infinity bool
	SecuritySeverity                    float64
	Options                             []Option
}

var (
	idRe     = regexp.MustCompile(`^PX\d{3}$`)
	kebabRe  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	optionRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	needRe   = regexp.MustCompile(`^Px[A-Za-z0-9]+$`)
	cueTagRe = regexp.MustCompile(`@rule\((PX\d{3})\)`)
)

// knownCustom are the keys a built-in rule's custom may hold.
var knownCustom = map[string]bool{
	"id": true, "name": true, "severity": true, "levels": true, "prevents": true,
	"remediation": true, "bad": true, "good": true, "needs": true, "fragment": true,
	"not_suppressible": true, "security_severity": true, "options": true,
	"infinity": true, "assumes": true,
}

// Read collects every built-in rule's metadata under root (the repository):
// policies/*.rego (tests excluded), METADATA comment blocks in
// schemas/*.cue and in the Go files under lint/ and cmd/. Errors name
// file:line; all of them are reported, not only the first.
func Read(root string) ([]Rule, error) {
	var out []Rule
	var errs []string
	tagged, err := cueTags(root)
	if err != nil {
		return nil, err
	}
	add := func(rs []Rule, err error) {
		if err != nil {
			errs = append(errs, err.Error())
		}
		out = append(out, rs...)
	}
	for _, f := range files(root, "policies", ".rego", &errs) {
		if strings.HasSuffix(f, "_test.rego") {
			continue
		}
		add(readRego(root, f, tagged))
	}
	for _, f := range files(root, "schemas", ".cue", &errs) {
		add(readComments(root, f, engineCUE))
	}
	for _, dir := range []string{"lint", "cmd"} {
		for _, f := range files(root, dir, ".go", &errs) {
			if strings.HasSuffix(f, "_test.go") || strings.Contains(f, "/testdata/") || strings.HasPrefix(f, "lint/rules/") {
				continue
			}
			add(readComments(root, f, engineGo))
		}
	}
	seen := map[string]Rule{}
	for _, r := range out {
		if prev, dup := seen[r.ID]; dup {
			errs = append(errs, fmt.Sprintf("%s:%d: rule %s already has METADATA at %s:%d", r.Source, r.Line, r.ID, prev.Source, prev.Line))
		}
		seen[r.ID] = r
		if r.Engine == engineCUE && !tagged[r.ID] {
			errs = append(errs, fmt.Sprintf("%s:%d: %s: no schema field is tagged @rule(%s)", r.Source, r.Line, r.ID, r.ID))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// files lists dir's files with the extension, as slash paths from root.
func files(root, dir, ext string, errs *[]string) []string {
	var out []string
	if _, err := os.Stat(filepath.Join(root, dir)); os.IsNotExist(err) {
		return nil
	}
	err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ext) {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		*errs = append(*errs, err.Error())
	}
	sort.Strings(out)
	return out
}

// cueTags are the rule IDs some schema field is tagged with (comment lines
// excluded: they hold examples).
func cueTags(root string) (map[string]bool, error) {
	tagged := map[string]bool{}
	var errs []string
	for _, f := range files(root, "schemas", ".cue", &errs) {
		src, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue
			}
			for _, m := range cueTagRe.FindAllStringSubmatch(line, -1) {
				tagged[m[1]] = true
			}
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return tagged, nil
}

var parseOpts = ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true}

// readRego reads a policy file's annotations: the one whose custom.id is a
// single rule ID is the rule's metadata. A library file has none; a file
// whose custom.id is a list declares a family and is not a rule file.
func readRego(root, file string, tagged map[string]bool) ([]Rule, error) {
	src, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		return nil, err
	}
	m, err := ast.ParseModuleWithOpts(file, string(src), parseOpts)
	if err != nil {
		return nil, err
	}
	var out []Rule
	for _, a := range m.Annotations {
		if _, single := a.Custom["id"].(string); !single {
			continue
		}
		engine := engineRego
		if id, _ := a.Custom["id"].(string); tagged[id] {
			engine = engineCUERego
		}
		r, err := fromAnnotation(file, a, engine)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

var commentBlock = regexp.MustCompile(`^\s*//\s?METADATA\s*$`)

// readComments reads the `// METADATA` comment blocks of a CUE or Go file.
func readComments(root, file, engine string) ([]Rule, error) {
	src, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(src, []byte("METADATA")) {
		return nil, nil
	}
	lines := strings.Split(string(src), "\n")
	var out []Rule
	for i := 0; i < len(lines); i++ {
		if !commentBlock.MatchString(lines[i]) {
			continue
		}
		start := i
		var b strings.Builder
		// Blank lines keep OPA's rows equal to the file's.
		b.WriteString(strings.Repeat("\n", start))
		b.WriteString("# METADATA\n")
		for i++; i < len(lines); i++ {
			t := strings.TrimSpace(lines[i])
			if !strings.HasPrefix(t, "//") {
				break
			}
			b.WriteString("#" + strings.TrimPrefix(strings.TrimLeft(lines[i], " \t"), "//") + "\n")
		}
		if i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			return nil, fmt.Errorf("%s:%d: a METADATA comment block must be followed by a blank line", file, i+1)
		}
		b.WriteString("package metadata\n")
		m, err := ast.ParseModuleWithOpts(file, b.String(), parseOpts)
		if err != nil {
			return nil, err
		}
		if len(m.Annotations) != 1 {
			return nil, fmt.Errorf("%s:%d: METADATA block did not parse", file, start+1)
		}
		r, err := fromAnnotation(file, m.Annotations[0], engine)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// fromAnnotation checks one annotation and turns it into a Rule.
func fromAnnotation(file string, a *ast.Annotations, engine string) (Rule, error) {
	line := 0
	if a.Location != nil {
		line = a.Location.Row
	}
	fail := func(format string, args ...any) (Rule, error) {
		return Rule{}, fmt.Errorf("%s:%d: METADATA: %s", file, line, fmt.Sprintf(format, args...))
	}
	c := a.Custom
	var unknown []string
	for k := range c {
		if !knownCustom[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fail("unknown custom key(s) %s", strings.Join(unknown, ", "))
	}
	r := Rule{Source: file, Line: line, Engine: engine, Title: a.Title, Description: a.Description}
	var err error
	str := func(key string, required bool) string {
		v, ok := c[key]
		if !ok {
			if required && err == nil {
				err = fmt.Errorf("custom.%s is missing", key)
			}
			return ""
		}
		s, ok := v.(string)
		if !ok && err == nil {
			err = fmt.Errorf("custom.%s: want a string, have %T", key, v)
		}
		if required && strings.TrimSpace(s) == "" && err == nil {
			err = fmt.Errorf("custom.%s is empty", key)
		}
		return s
	}
	boolean := func(key string) bool {
		v, ok := c[key]
		if !ok {
			return false
		}
		b, ok := v.(bool)
		if !ok && err == nil {
			err = fmt.Errorf("custom.%s: want true or false, have %T", key, v)
		}
		return b
	}
	list := func(key string) []string {
		v, ok := c[key]
		if !ok {
			return nil
		}
		xs, ok := v.([]any)
		if !ok && err == nil {
			err = fmt.Errorf("custom.%s: want a list, have %T", key, v)
		}
		var out []string
		for _, x := range xs {
			s, ok := x.(string)
			if !ok && err == nil {
				err = fmt.Errorf("custom.%s: want a list of strings, have %T", key, x)
			}
			out = append(out, s)
		}
		return out
	}
	r.ID = str("id", true)
	r.Name = str("name", true)
	r.Severity = str("severity", true)
	r.Prevents = str("prevents", true)
	r.Remediation = str("remediation", true)
	r.Bad = str("bad", true)
	r.Good = str("good", true)
	r.Assumes = str("assumes", false)
	r.Levels = list("levels")
	r.Needs = list("needs")
	r.Fragment = boolean("fragment")
	r.NotSuppressible = boolean("not_suppressible")
	r.Infinity = boolean("infinity")
	if v, ok := c["security_severity"]; ok {
		f, isNum := number(v)
		if !isNum || f <= 0 || f > 10 {
			return fail("custom.security_severity: want a number above 0 and at most 10")
		}
		r.SecuritySeverity = f
	}
	if err != nil {
		return fail("%v", err)
	}
	switch {
	case !idRe.MatchString(r.ID):
		return fail("custom.id %q is not PXnnn", r.ID)
	case !kebabRe.MatchString(r.Name):
		return fail("custom.name %q is not kebab-case", r.Name)
	case strings.TrimSpace(r.Title) == "":
		return fail("title is missing")
	case strings.TrimSpace(r.Description) == "":
		return fail("description (what the rule catches) is missing")
	case r.Bad == r.Good:
		return fail("custom.bad and custom.good are the same")
	}
	if !severity(r.Severity) {
		return fail("custom.severity %q: want error, warning or info", r.Severity)
	}
	for _, l := range r.Levels {
		if !severity(l) {
			return fail("custom.levels: %q: want error, warning or info", l)
		}
	}
	if len(r.Levels) > 0 && !slices.Contains(r.Levels, r.Severity) {
		return fail("custom.levels must include the default severity %s", r.Severity)
	}
	for _, l := range r.Levels {
		if lv, _ := finding.ParseSeverity(l); lv > sev(r.Severity) {
			return fail("custom.levels: %s is above the default severity %s", l, r.Severity)
		}
	}
	for _, n := range r.Needs {
		if !needRe.MatchString(n) {
			return fail("custom.needs: %q is not a catalog variable name (Px..., no $)", n)
		}
	}
	if v, ok := c["options"]; ok {
		opts, err := options(v)
		if err != nil {
			return fail("custom.options: %v", err)
		}
		r.Options = opts
	}
	return r, nil
}

func sev(s string) finding.Severity {
	v, _ := finding.ParseSeverity(s)
	return v
}

func severity(s string) bool {
	v, ok := finding.ParseSeverity(s)
	return ok && v != finding.SeverityNone
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}

// options reads custom.options: name → {description, kind, min, max, max_items}.
func options(v any) ([]Option, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("want a map of option name to {description, kind, ...}")
	}
	var out []Option
	for name, raw := range m {
		if !optionRe.MatchString(name) {
			return nil, fmt.Errorf("%q is not snake_case", name)
		}
		spec, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: want {description, kind, ...}", name)
		}
		o := Option{Name: name}
		for k, x := range spec {
			switch k {
			case "description", "kind":
				s, ok := x.(string)
				if !ok || strings.TrimSpace(s) == "" {
					return nil, fmt.Errorf("%s.%s: want a non-empty string", name, k)
				}
				if k == "kind" {
					o.Kind = s
				} else {
					o.Description = s
				}
			case "min", "max", "max_items":
				f, ok := number(x)
				if !ok || f != math.Trunc(f) {
					return nil, fmt.Errorf("%s.%s: want a whole number", name, k)
				}
				switch k {
				case "min":
					o.Min = int(f)
				case "max":
					o.Max = int(f)
				default:
					o.MaxItems = int(f)
				}
			default:
				return nil, fmt.Errorf("%s: unknown key %q (description, kind, min, max, max_items)", name, k)
			}
		}
		switch o.Kind {
		case "integer":
			if o.Min > o.Max {
				return nil, fmt.Errorf("%s: min %d above max %d", name, o.Min, o.Max)
			}
		case "names", "addresses":
			if o.MaxItems <= 0 {
				return nil, fmt.Errorf("%s: a list option needs max_items", name)
			}
		default:
			return nil, fmt.Errorf("%s.kind %q: want integer, names or addresses", name, o.Kind)
		}
		if o.Description == "" {
			return nil, fmt.Errorf("%s: description is missing", name)
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Generate reads the metadata under root and renders registry_gen.go.
func Generate(root string) ([]byte, error) {
	rs, err := Read(root)
	if err != nil {
		return nil, err
	}
	return Render(rs)
}

var (
	severityConst = map[string]string{"error": "finding.SeverityError", "warning": "finding.SeverityWarning", "info": "finding.SeverityInfo"}
	engineConst   = map[string]string{engineGo: "EngineGo", engineCUE: "EngineCUE", engineRego: "EngineRego", engineCUERego: "EngineCUERego"}
	kindConst     = map[string]string{"integer": "OptionInteger", "names": "OptionNames", "addresses": "OptionAddresses"}
)

// Render writes the generated Go file: one ID constant and one Rule entry
// per rule, in ID order.
func Render(rs []Rule) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by lint/rules/internal/cmd/genregistry from the rules' METADATA; DO NOT EDIT.\n")
	b.WriteString("// Edit the METADATA block in the file each entry names, then run `go generate ./lint/rules`.\n\n")
	b.WriteString("package rules\n\nimport \"github.com/pxlint/pxlint/lint/finding\"\n\n")
	b.WriteString("// Rule IDs of the built-in rules.\nconst (\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "\t%s ID = %q // %s\n", r.ID, r.ID, r.Name)
	}
	b.WriteString(")\n\n")
	b.WriteString("// generated holds the built-in rules, each from its METADATA.\nvar generated = []Rule{\n")
	q := strconv.Quote
	for _, r := range rs {
		fmt.Fprintf(&b, "\t{ // %s\n", r.Source)
		fmt.Fprintf(&b, "ID: %s, Name: %s, Title: %s,\n", r.ID, q(r.Name), q(r.Title))
		fmt.Fprintf(&b, "Severity: %s,\n", severityConst[r.Severity])
		if len(r.Levels) > 0 {
			var ls []string
			for _, l := range r.Levels {
				ls = append(ls, severityConst[l])
			}
			fmt.Fprintf(&b, "Levels: []finding.Severity{%s},\n", strings.Join(ls, ", "))
		}
		fmt.Fprintf(&b, "Description: %s,\nPrevents: %s,\nRemediation: %s,\n", q(r.Description), q(r.Prevents), q(r.Remediation))
		fmt.Fprintf(&b, "Bad: %s,\nGood: %s,\n", q(r.Bad), q(r.Good))
		fmt.Fprintf(&b, "Engine: %s,\n", engineConst[r.Engine])
		if len(r.Needs) > 0 {
			var ns []string
			for _, n := range r.Needs {
				ns = append(ns, q(n))
			}
			fmt.Fprintf(&b, "Needs: []string{%s},\n", strings.Join(ns, ", "))
		}
		if r.Fragment {
			b.WriteString("Fragment: true,\n")
		}
		if r.NotSuppressible {
			b.WriteString("NotSuppressible: true,\n")
		}
		if r.Infinity {
			b.WriteString("Infinity: true,\n")
		}
		if r.Assumes != "" {
			fmt.Fprintf(&b, "Assumes: %s,\n", q(r.Assumes))
		}
		if r.SecuritySeverity != 0 {
			fmt.Fprintf(&b, "SecuritySeverity: %s,\n", strconv.FormatFloat(r.SecuritySeverity, 'g', -1, 64))
		}
		if len(r.Options) > 0 {
			b.WriteString("Options: map[string]string{\n")
			for _, o := range r.Options {
				fmt.Fprintf(&b, "%s: %s,\n", q(o.Name), q(o.Description))
			}
			b.WriteString("},\nOptionSpecs: map[string]OptionSpec{\n")
			for _, o := range r.Options {
				fmt.Fprintf(&b, "%s: {Kind: %s", q(o.Name), kindConst[o.Kind])
				if o.Kind == "integer" {
					fmt.Fprintf(&b, ", Min: %d, Max: %d", o.Min, o.Max)
				} else {
					fmt.Fprintf(&b, ", MaxItems: %d", o.MaxItems)
				}
				b.WriteString("},\n")
			}
			b.WriteString("},\n")
		}
		fmt.Fprintf(&b, "Source: %s,\n", q(r.Source))
		b.WriteString("},\n")
	}
	b.WriteString("}\n\nfunc init() { Register(generated...) }\n")
	return format.Source(b.Bytes())
}
