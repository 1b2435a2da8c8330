package rules_test

import (
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/policies"
)

var catalogName = regexp.MustCompile(`^Px[A-Za-z0-9]+$`)

// policyModules parses every non-test built-in policy, keyed by its path
// inside policies/.
func policyModules(t *testing.T) map[string]*ast.Module {
	t.Helper()
	out := map[string]*ast.Module{}
	err := fs.WalkDir(policies.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, path)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(path, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		out[path] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// reader finds the catalog variables a rule reads: the names written as
// string literals in a rule (input.variables["PxA"], lib.str("PxA"),
// some n in {"PxA", "PxB"}), and, following every reference to another
// built-in rule or function (in its package or through an import), the
// names that one reads, transitively.
type reader struct {
	rules map[string][]ruleIn // by path: data.pxlint.lib.family.network._entries
	memo  map[string][]string
}

// ruleIn is a rule with the module it is written in (for its imports).
type ruleIn struct {
	rule *ast.Rule
	mod  *ast.Module
}

func newReader(mods map[string]*ast.Module) *reader {
	rd := &reader{rules: map[string][]ruleIn{}, memo: map[string][]string{}}
	for _, m := range mods {
		for _, r := range m.Rules {
			p := m.Package.Path.Extend(r.Head.Ref()[:1]).String()
			rd.rules[p] = append(rd.rules[p], ruleIn{r, m})
		}
	}
	return rd
}

// resolve turns a reference written in m into a full path, trying each
// prefix so that lib.str(x) and nodes[0] both find their rule.
func (rd *reader) resolve(m *ast.Module, ref ast.Ref) []string {
	var out []string
	for i := len(ref); i >= 1; i-- {
		prefix := ref[:i]
		head, ok := prefix[0].Value.(ast.Var)
		if !ok {
			continue
		}
		var full ast.Ref
		switch head {
		case "data":
			full = prefix
		default:
			full = m.Package.Path.Extend(prefix)
			for _, imp := range m.Imports {
				if imp.Name().String() == string(head) {
					if base, ok := imp.Path.Value.(ast.Ref); ok {
						full = base.Concat(prefix[1:])
					}
				}
			}
		}
		if _, ok := rd.rules[full.String()]; ok {
			out = append(out, full.String())
			break
		}
	}
	return out
}

// reads is what the rules at path read.
func (rd *reader) reads(path string) []string {
	if r, ok := rd.memo[path]; ok {
		return r
	}
	rd.memo[path] = nil // recursion guard (Rego forbids recursion anyway)
	seen := map[string]bool{}
	for _, ri := range rd.rules[path] {
		for _, n := range rd.readsIn(ri.mod, ri.rule) {
			seen[n] = true
		}
	}
	out := sortedSet(seen)
	rd.memo[path] = out
	return out
}

// readsIn is what node x, written in module m, reads.
func (rd *reader) readsIn(m *ast.Module, x any) []string {
	seen := map[string]bool{}
	ast.WalkTerms(x, func(t *ast.Term) bool {
		var ref ast.Ref
		switch v := t.Value.(type) {
		case ast.String:
			if catalogName.MatchString(string(v)) {
				seen[string(v)] = true
			}
			return false
		case ast.Var:
			ref = ast.Ref{t}
		case ast.Ref:
			ref = v
		case ast.Call:
			if r, ok := v[0].Value.(ast.Ref); ok {
				ref = r
			}
		}
		for _, p := range rd.resolve(m, ref) {
			if rd.function(p) {
				continue // a function reads what its caller names (lib.str("PxA"))
			}
			for _, n := range rd.reads(p) {
				seen[n] = true
			}
		}
		return false
	})
	return sortedSet(seen)
}

// function reports whether the rules at path are a function (take
// arguments).
func (rd *reader) function(path string) bool {
	for _, ri := range rd.rules[path] {
		if len(ri.rule.Head.Args) > 0 {
			return true
		}
	}
	return false
}

func sortedSet(seen map[string]bool) []string {
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// TestNeedsMatchRego compares each Rego rule's declared needs (METADATA
// custom.needs: the variables whose unknown value makes the rule
// not_verified) with the catalog variables its module reads.
//
// What it compares: the catalog names (Px...) written as string literals in
// the rule's .rego file, plus those of every rule it refers to that is not a
// function (constants such as nodes, sets such as lib.address_variables,
// family helpers such as _entries), followed transitively through the
// built-in policies. Both ways: a declared need the module never reads, and
// a read the METADATA does not declare.
//
// Its limits: a function is not followed (lib.str(name) reads what its
// caller names, and following it would pull in the whole catalog), so a
// variable read only inside a function the rule calls is listed in
// viaHelpers; a name that appears only in a message or a fix counts as
// read (notNeeded lists those, with why); PX7xx rules judge an export, not
// the script's variables, and are skipped; and reads of other input paths
// (input.certificates, input.facts) are not compared, as Needs lists only
// variables.
func TestNeedsMatchRego(t *testing.T) {
	mods := policyModules(t)
	rd := newReader(mods)
	checked := 0
	for _, r := range rules.All() {
		if !strings.HasPrefix(r.Source, "policies/") || r.Infinity {
			continue
		}
		m := mods[strings.TrimPrefix(r.Source, "policies/")]
		if m == nil {
			t.Errorf("%s: %s is not a built-in policy", r.ID, r.Source)
			continue
		}
		checked++
		read := rd.readsIn(m, m)
		for _, n := range r.Needs {
			if !slices.Contains(read, n) && !slices.Contains(viaHelpers[r.ID], n) {
				t.Errorf("%s: needs $%s but %s never reads it", r.ID, n, r.Source)
			}
		}
		for _, n := range read {
			if !slices.Contains(r.Needs, n) && !slices.Contains(notNeeded[r.ID], n) && !slices.Contains(notNeeded[r.ID], "*") {
				t.Errorf("%s: %s reads $%s, which its METADATA custom.needs does not list", r.ID, r.Source, n)
			}
		}
	}
	if checked < 40 {
		t.Errorf("checked only %d Rego rules", checked)
	}
}

// viaHelpers are needs a rule's module does not show: read by a function
// it calls, or judged by its CUE part.
var viaHelpers = map[string][]string{
	"PX206": {"PxVmssRegion"},    // the derived names (lib.derived functions) are built from it
	"PX502": {"PxTeamsConnFqdn"}, // its CUE part (#Fqdn, @rule(PX502)) judges the connector's FQDN
}

// notNeeded are variables a rule's module names without needing their
// value to judge: an unknown value must not make the rule not_verified.
var notNeeded = map[string][]string{
	"PX004": {"*"},                     // the catalog as data: the names it compares uses against
	"PX107": {"PxMgmtSrcAddrPrefixes"}, // named in the fix only
	"PX204": {"PxBaseConnName"},        // a broken base name is PX201's: only to skip
	"PX501": {"PxWinAdminCred"},        // assigned or not (a credential makes the user optional)
	"PX506": {"PxWinAdminPassword"},    // a fix text; the rule judges every secret-kind variable
	// The certificate rules find the certificate through $PxPfxCertFileName
	// and give their own not_verified reason when it is unknown
	// (cert_lib.rego teams_reason), so PX007 does not report it again.
	"PX301": {"PxPfxCertFileName"}, "PX302": {"PxPfxCertFileName"}, "PX303": {"PxPfxCertFileName"},
	"PX304": {"PxPfxCertFileName"}, "PX305": {"PxPfxCertFileName"}, "PX306": {"PxPfxCertFileName"},
	"PX307": {"PxPfxCertFileName"}, "PX308": {"PxPfxCertFileName"}, "PX310": {"PxPfxCertFileName"},
	"PX311": {"PxPfxCertFileName"}, "PX312": {"PxPfxCertFileName"},
}

// TestReaderFollowsConstantsNotFunctions pins what the needs comparison
// counts as read, on a small library and rule.
func TestReaderFollowsConstantsNotFunctions(t *testing.T) {
	parse := func(name, src string) *ast.Module {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	mods := map[string]*ast.Module{
		"lib.rego": parse("lib.rego", `package pxlint.lib.family.x
nodes := "PxNodesSourceAddressPrefixes"
_entries contains e if { some e in input.variables[nodes].elements }
str(name) := input.variables[name].value
_catalog := {"PxEverything"}
`),
		"rule.rego": parse("rule.rego", `package pxlint.rules.px999
import data.pxlint.lib.family.x._entries
import data.pxlint.lib.family.x
deny contains {"id": "PX999"} if {
	some e in _entries
	x.str("PxTeamsConnFqdn") == e.value
}
`),
	}
	rd := newReader(mods)
	got := rd.readsIn(mods["rule.rego"], mods["rule.rego"])
	want := []string{"PxNodesSourceAddressPrefixes", "PxTeamsConnFqdn"}
	if !slices.Equal(got, want) {
		t.Errorf("reads %v, want %v (constants followed through _entries, the function's argument, not the unused catalog)", got, want)
	}
}
