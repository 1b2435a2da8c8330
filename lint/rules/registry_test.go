package rules_test

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/internal/testenv"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/policies"
	"github.com/pxlint/pxlint/schemas"
)

var (
	idRe      = regexp.MustCompile(`^PX\d{3}$`)
	kebabRe   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	optionRe  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	quotedID  = regexp.MustCompile(`"(PX\d{3})"`)
	cueRuleRe = regexp.MustCompile(`@rule\((PX\d{3})\)`)
)

// catalogCopy is the rule catalog (the project's shared/RULES.md) as the
// tests read it; TestCatalogCopy keeps it equal to its origin.
const catalogCopy = "testdata/RULES.md"

// catalogPath is the rule catalog the drift tests read; RULES_MD overrides
// it.
func catalogPath() string {
	if p := os.Getenv("RULES_MD"); p != "" {
		return p
	}
	return catalogCopy
}

// TestCatalogCopy: testdata/RULES.md equals shared/RULES.md where shared/
// sits beside the clone, so the drift tests judge the registry against the
// catalog in force, and a clone from GitHub runs them too.
func TestCatalogCopy(t *testing.T) {
	testenv.CheckCopies(t, map[string]string{catalogCopy: "RULES.md"})
}

// TestEntriesComplete checks every entry's metadata, so `pxlint explain`,
// the docs pages and SARIF never show an empty field.
func TestEntriesComplete(t *testing.T) {
	all := rules.All()
	if len(all) == 0 {
		t.Fatal("registry is empty")
	}
	engines := []rules.Engine{rules.EngineGo, rules.EngineCUE, rules.EngineRego, rules.EngineCUERego}
	for _, r := range all {
		if !idRe.MatchString(r.ID) {
			t.Errorf("%q: ID does not match ^PX\\d{3}$", r.ID)
		}
		if !kebabRe.MatchString(r.Name) {
			t.Errorf("%s: name %q is not kebab-case", r.ID, r.Name)
		}
		for field, v := range map[string]string{
			"Title": r.Title, "Description": r.Description, "Prevents": r.Prevents,
			"Remediation": r.Remediation, "Bad": r.Bad, "Good": r.Good,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", r.ID, field)
			}
		}
		if r.Bad == r.Good {
			t.Errorf("%s: Bad and Good examples are the same", r.ID)
		}
		if !slices.Contains(engines, r.Engine) {
			t.Errorf("%s: engine %q is not a built-in engine", r.ID, r.Engine)
		}
		if !slices.Contains(r.Levels, r.Severity) {
			t.Errorf("%s: default severity %s is not among its levels %v", r.ID, r.Severity, r.Levels)
		}
		for _, l := range r.Levels {
			if l > r.Severity {
				t.Errorf("%s: level %s is above the default severity %s", r.ID, l, r.Severity)
			}
		}
		for k, v := range r.Options {
			if !optionRe.MatchString(k) || strings.TrimSpace(v) == "" {
				t.Errorf("%s: option %q must be snake_case with a description", r.ID, k)
			}
			if _, ok := r.OptionSpecs[k]; !ok {
				t.Errorf("%s: option %q has no OptionSpecs entry (its type and range, which config loading checks)", r.ID, k)
			}
		}
		for k, spec := range r.OptionSpecs {
			if _, ok := r.Options[k]; !ok {
				t.Errorf("%s: OptionSpecs names %q, which Options does not describe", r.ID, k)
			}
			if spec.Check(nil) == nil {
				t.Errorf("%s: option %q accepts a missing value", r.ID, k)
			}
		}
		for _, n := range r.Needs {
			if !strings.HasPrefix(n, "Px") || strings.HasPrefix(n, "$") {
				t.Errorf("%s: Needs entry %q is not a catalog variable name (no $)", r.ID, n)
			}
		}
	}
	if r, ok := rules.Get("PX506"); !ok || !r.NotSuppressible {
		t.Error("PX506 must be registered as not suppressible")
	}
}

// catalogRule is one row of RULES.md.
type catalogRule struct {
	id, name string
	levels   []finding.Severity
}

var rowRe = regexp.MustCompile(`^\|\s*(PX\d{3})\s*\|\s*([a-z0-9-]+)\s*\|\s*([EWI/]+)\s*\|`)

func parseCatalog(t *testing.T, path string) []catalogRule {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("rule catalog: %v", err)
	}
	defer f.Close()
	letters := map[string]finding.Severity{"E": finding.SeverityError, "W": finding.SeverityWarning, "I": finding.SeverityInfo}
	var out []catalogRule
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := rowRe.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		c := catalogRule{id: m[1], name: m[2]}
		for _, l := range strings.Split(m[3], "/") {
			c.levels = append(c.levels, letters[l])
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// planned lists the catalog's rules whose issues are still open: RULES.md
// names them before they are built. Each is removed from this set by the
// change that builds it, and a planned rule that is registered fails the
// test, so the set cannot go stale.
var planned = map[string]bool{}

// widened lists catalog rules whose levels an issue changed after RULES.md
// was written (issue 13: PX009 is an error when the misread bytes hold a
// quote; PX005 is info for a variable passed to the deployment call). The
// catalog should follow; until then the registry is the source of truth.
var widened = map[string][]finding.Severity{
	"PX009": {finding.SeverityError, finding.SeverityWarning},
	"PX005": {finding.SeverityWarning, finding.SeverityInfo},
}

// TestCatalogRegistered checks that every rule of the catalog (RULES.md) is
// registered under its name and levels, except the planned ones. Rules beyond
// the catalog are allowed ("the catalog is the minimum").
func TestCatalogRegistered(t *testing.T) {
	catalog := parseCatalog(t, catalogPath())
	if len(catalog) < 40 {
		t.Fatalf("parsed only %d rules from %s: has the table format changed?", len(catalog), catalogPath())
	}
	for _, c := range catalog {
		r, ok := rules.Get(c.id)
		if planned[c.id] {
			if ok {
				t.Errorf("%s is registered now: remove it from the planned set", c.id)
			}
			continue
		}
		if !ok {
			t.Errorf("%s (%s) is in RULES.md but not registered", c.id, c.name)
			continue
		}
		if r.Name != c.name {
			t.Errorf("%s: registered name %q, RULES.md says %q", c.id, r.Name, c.name)
		}
		if want, ok := widened[c.id]; ok {
			if !slices.Equal(r.Levels, want) {
				t.Errorf("%s: registered levels %v, widened to %v", c.id, r.Levels, want)
			}
			continue
		}
		if !slices.Equal(r.Levels, c.levels) {
			t.Errorf("%s: registered levels %v, RULES.md says %v", c.id, r.Levels, c.levels)
		}
	}
}

// policyFile is one non-test .rego file: its package path, the rule IDs of
// its METADATA custom.id, and the IDs quoted anywhere in its source.
type policyFile struct {
	pkg      string
	declared []string
	quoted   []string
}

func readPolicies(t *testing.T) map[string]policyFile {
	out := map[string]policyFile{}
	err := fs.WalkDir(policies.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, path)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(path, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		if err != nil {
			return err
		}
		pf := policyFile{pkg: m.Package.Path.String()}
		for _, a := range m.Annotations {
			if a.Scope != "package" {
				continue
			}
			if id, ok := a.Custom["id"].(string); ok {
				pf.declared = append(pf.declared, id) // a rule file
			}
			ids, _ := a.Custom["id"].([]any) // pxlint.rules.infinity: statuses several rules share
			for _, id := range ids {
				s, _ := id.(string)
				pf.declared = append(pf.declared, s)
			}
		}
		for _, q := range quotedID.FindAllStringSubmatch(string(src), -1) {
			pf.quoted = append(pf.quoted, q[1])
		}
		out[path] = pf
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPoliciesMatchRegistry: every custom.id of a policy's METADATA is
// registered with a Rego engine, every ID a policy emits is declared, and
// every Rego rule of the registry has a policy that declares and emits it.
func TestPoliciesMatchRegistry(t *testing.T) {
	pols := readPolicies(t)
	declaredBy := map[string][]string{}
	quoted := map[string]bool{}
	pkgRe := regexp.MustCompile(`^data\.pxlint\.rules\.[a-z0-9_]+$`)
	for path, pf := range pols {
		if pf.pkg == "data.pxlint.lib" || strings.HasPrefix(pf.pkg, "data.pxlint.lib.") {
			continue // shared helpers emit nothing
		}
		if !pkgRe.MatchString(pf.pkg) {
			t.Errorf("%s: package %s is not exactly one level below pxlint.rules", path, pf.pkg)
		}
		if len(pf.declared) == 0 {
			t.Errorf("%s: no custom.id in the package METADATA", path)
		}
		for _, id := range pf.declared {
			declaredBy[id] = append(declaredBy[id], path)
			r, ok := rules.Get(id)
			switch {
			case !ok:
				t.Errorf("%s: METADATA declares %s, which is not registered", path, id)
			case r.Engine != rules.EngineRego && r.Engine != rules.EngineCUERego:
				t.Errorf("%s: METADATA declares %s, registered with engine %q", path, id, r.Engine)
			}
		}
		for _, id := range pf.quoted {
			quoted[id] = true
			if !slices.Contains(pf.declared, id) {
				t.Errorf("%s: emits %s without declaring it in custom.id", path, id)
			}
		}
	}
	for _, r := range rules.All() {
		if r.Engine != rules.EngineRego && r.Engine != rules.EngineCUERego {
			continue
		}
		if len(declaredBy[r.ID]) == 0 {
			t.Errorf("%s (engine %s) has no policy declaring it in custom.id", r.ID, r.Engine)
		}
		if !quoted[r.ID] {
			t.Errorf("%s (engine %s) is never emitted by a policy (no \"%s\" in policies/*.rego)", r.ID, r.Engine, r.ID)
		}
	}
}

// TestSchemasMatchRegistry: every CUE rule has a field tagged @rule(ID) in
// the embedded schemas, and every tag names a registered CUE rule.
func TestSchemasMatchRegistry(t *testing.T) {
	tagged := map[string]bool{}
	err := fs.WalkDir(schemas.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".cue") {
			return err
		}
		src, err := fs.ReadFile(schemas.FS, path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue // examples in comments are not tags
			}
			for _, m := range cueRuleRe.FindAllStringSubmatch(line, -1) {
				tagged[m[1]] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for id := range tagged {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r, ok := rules.Get(id)
		switch {
		case !ok:
			t.Errorf("schemas tag @rule(%s), which is not registered", id)
		case r.Engine != rules.EngineCUE && r.Engine != rules.EngineCUERego:
			t.Errorf("schemas tag @rule(%s), registered with engine %q", id, r.Engine)
		}
	}
	for _, r := range rules.All() {
		if (r.Engine == rules.EngineCUE || r.Engine == rules.EngineCUERego) && !tagged[r.ID] {
			t.Errorf("%s (engine %s) has no schema field tagged @rule(%s)", r.ID, r.Engine, r.ID)
		}
	}
}

// exampleFirstLine is the comment each bad example starts with: "# PXnnn name ...".
var exampleFirstLine = regexp.MustCompile(`^\x{FEFF}?# (PX\d{3}) ([a-z0-9-]+)`)

// TestBadExamples: every rule of the script, network, names, values and
// deployment ranges has a bad example named examples/bad/pxNNN-<name>*.ps1
// (or a folder examples/bad/pxNNN/), and each example's first line names a
// registered rule with its registered name.
func TestBadExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "bad")
	covered := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".ps1") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Scan()
		m := exampleFirstLine.FindStringSubmatch(sc.Text())
		if m == nil {
			t.Errorf("%s: first line should be \"# PXnnn <name>: what it demonstrates\"", path)
			return nil
		}
		r, ok := rules.Get(m[1])
		switch {
		case !ok:
			t.Errorf("%s: names %s, which is not registered", path, m[1])
		case r.Name != m[2]:
			t.Errorf("%s: names %s %s, registered as %s", path, m[1], m[2], r.Name)
		}
		rel, _ := filepath.Rel(dir, path)
		if !strings.HasPrefix(strings.ToUpper(filepath.ToSlash(rel)), m[1]) {
			t.Errorf("%s: the file or folder name should start with %s", path, strings.ToLower(m[1]))
		}
		covered[m[1]] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.All() {
		// PX010, PX207 and the certificate and workstation ranges keep their
		// examples beside their own fixtures.
		// The Infinity rules have theirs as exports in examples/infinity
		// (lint/infinity's TestBadExports).
		if r.ID == "PX010" || r.ID == "PX207" || strings.HasPrefix(r.ID, "PX3") || strings.HasPrefix(r.ID, "PX4") || r.Infinity {
			continue
		}
		if !covered[r.ID] {
			t.Errorf("%s %s has no bad example in examples/bad", r.ID, r.Name)
		}
	}
}
