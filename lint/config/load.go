package config

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/agnivade/levenshtein"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/pxlint/pxlint/lint/config/glob"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/safeio"
)

// MaxSize bounds a config file; real ones are a few kilobytes.
const MaxSize = safeio.PolicyBytes

// maxDepth bounds nesting in rule option values.
const maxDepth = 8

var (
	// builtinID is what a built-in rule ID looks like; such labels must be
	// registered. Other labels name user-policy rules (CheckUserRules).
	builtinID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^PX[0-9]+$`) })
	// userID (like every pattern of this package) is compiled on first
	// use, not at package init, which every command pays: its bounded
	// repetition is the costliest compile of start-up, and most runs
	// have no user rule.
	userID  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.:-]{0,127}$`) })
	version = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`) })
)

// The attributes each block accepts, in the order messages list them.
var (
	blockNames    = []string{"pxlint", "rule", "waiver", "variable", "infinity"}
	variableAttrs = []string{"type", "pattern", "required", "parameter"}
	infinityAttrs = []string{"export", "teams_domains", "expected_tenant_ids", "teams_id_lengths", "allow_backtracking_eval"}
	pxlintAttrs   = []string{"fail_on", "profile", "az_version", "expiry_days", "exclude", "policy_dirs", "schema_dirs", "ca_files"}
	ruleAttrs     = []string{"enabled", "severity", "suppressible", "paths"}
	waiverAttrs   = []string{"paths", "variables", "reason", "expires"}
	failOnValues  = []string{"error", "warning", "info", "never"}
	severityNames = []string{"error", "warning", "info"}
)

// Profiles are the connector release profiles a config or --profile may
// name. The profiles themselves are data in schemas/profiles.cue; a test in
// package lint checks this list against them (config stays free of CUE so
// `pxlint config verify` is fast).
var Profiles = []string{"az", "azurerm"}

// CheckAzVersion validates an Az module version (az_version, --az-version).
func CheckAzVersion(s string) error {
	if !version().MatchString(s) {
		return fmt.Errorf("%q: want a version like \"4.5.0\"", s)
	}
	return nil
}

// CheckExpiryDays validates a certificate warning window (expiry_days,
// --expiry-days).
func CheckExpiryDays(n int64) error {
	if n < 1 || n > 3650 {
		return fmt.Errorf("%d: want a whole number of days from 1 to 3650", n)
	}
	return nil
}

// Load reads and validates a config file against the built-in rule registry.
func Load(path string) (*Config, error) {
	return LoadWith(path, rules.Lookup)
}

// LoadWith is Load with an explicit rule registry (tests use a fake one).
func LoadWith(path string, known Lookup) (*Config, error) {
	src, err := safeio.ReadFile(path, MaxSize)
	if errors.Is(err, safeio.ErrTooLarge) {
		return nil, &Error{Problems: []Problem{{File: path, Line: 1, Column: 1,
			Message: fmt.Sprintf("file is larger than %d bytes", MaxSize)}}}
	}
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(src, path, known)
}

// Parse validates config source read from path (used for messages and to
// resolve relative folders).
func Parse(src []byte, path string, known Lookup) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	dir := filepath.Dir(abs)
	root, _ := RepoRoot(dir)
	d := &decoder{
		path:  path,
		known: known,
		cfg: &Config{
			Path:  path,
			Dir:   dir,
			Root:  root,
			Rules: map[string]RuleConfig{},
		},
	}
	d.source = RelTo(root, abs)
	// Windows editors save with a byte-order mark; HCL reads only UTF-8.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(src, []byte("\xff\xfe")) || bytes.HasPrefix(src, []byte("\xfe\xff")) {
		return nil, &Error{Problems: []Problem{{File: path, Line: 1, Column: 1,
			Message: "file is UTF-16; save it as UTF-8"}}}
	}
	if line, col, what, ok := checkNesting(src); !ok {
		return nil, &Error{Problems: []Problem{{File: path, Line: line, Column: col,
			Message: fmt.Sprintf("%s nested deeper than %d levels; pxlint stops here rather than overflow the parser", what, MaxNesting)}}}
	}
	file, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		// Later syntax errors are mostly echoes of the first.
		d.diags(diags[:1])
		return nil, d.err()
	}
	d.file(file.Body.(*hclsyntax.Body))
	if len(d.problems) > 0 {
		return nil, d.err()
	}
	return d.cfg, nil
}

// Verify checks a config file for `pxlint config verify`: nil when it loads.
func Verify(path string) error {
	_, err := Load(path)
	return err
}

// CheckUserRules checks the rule blocks and waivers that name non-built-in
// rule IDs against known (the registry after user policies were loaded).
func (c *Config) CheckUserRules(known Lookup) error {
	d := &decoder{path: c.Path, known: known, cfg: c}
	for _, u := range c.userRules {
		r, ok := known(u.id)
		if !ok {
			d.problem(u.rng, fmt.Sprintf("unknown rule %q%s", u.id, ruleHint(u.id)))
			continue
		}
		for _, o := range u.options {
			if _, ok := r.Options[o.name]; !ok {
				d.problem(o.rng, unknownOption(r, o.name))
			}
		}
		if u.waiver && !c.suppressible(r) {
			d.problem(u.rng, notWaivable(r.ID))
		}
	}
	if len(d.problems) > 0 {
		return d.err()
	}
	return nil
}

// userRef remembers where a user rule ID was used until it can be checked.
type userRef struct {
	id      string
	rng     hcl.Range
	waiver  bool
	options []namedRange
}

type namedRange struct {
	name string
	rng  hcl.Range
}

// decoder walks the syntax tree itself (rather than through gohcl) so every
// message can name the offending key and suggest the intended one.
type decoder struct {
	path     string
	source   string // config path relative to the root, for Source fields
	known    Lookup
	cfg      *Config
	problems []Problem
	// waiverRefs are checked against suppressibility once all rule blocks
	// are read (a rule block may come after its waiver).
	waiverRefs []userRef
}

func (d *decoder) problem(r hcl.Range, msg string) {
	d.problems = append(d.problems, Problem{File: d.path, Line: r.Start.Line, Column: r.Start.Column, Message: msg})
}

func (d *decoder) diags(diags hcl.Diagnostics) {
	for _, diag := range diags {
		if diag.Severity != hcl.DiagError {
			continue
		}
		msg := diag.Summary
		if diag.Detail != "" {
			msg += ": " + diag.Detail
		}
		r := hcl.Range{Start: hcl.InitialPos}
		if diag.Subject != nil {
			r = *diag.Subject
		}
		d.problem(r, strings.TrimSuffix(msg, "."))
	}
}

func (d *decoder) err() error {
	sort.SliceStable(d.problems, func(i, j int) bool {
		a, b := d.problems[i], d.problems[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return &Error{Problems: d.problems}
}

func (d *decoder) sourceAt(r hcl.Range) string {
	return fmt.Sprintf("%s:%d", d.source, r.Start.Line)
}

func (d *decoder) file(body *hclsyntax.Body) {
	for _, a := range sortedAttrs(body) {
		d.problem(a.NameRange, fmt.Sprintf("unknown attribute %q at top level; settings go in a pxlint { } block", a.Name))
	}
	seenPxlint := false
	for _, b := range body.Blocks {
		switch b.Type {
		case "pxlint":
			if !d.labels(b, 0) {
				continue
			}
			if seenPxlint {
				d.problem(b.TypeRange, "duplicate pxlint block; merge it into the first one")
				continue
			}
			seenPxlint = true
			d.pxlint(b.Body)
		case "rule":
			if d.labels(b, 1) {
				d.rule(b)
			}
		case "waiver":
			if d.labels(b, 1) {
				d.waiver(b)
			}
		case "variable":
			if len(b.Labels) == 1 {
				d.variable(b)
			} else {
				d.problem(b.TypeRange, `variable block needs the variable name as its one label, e.g. variable "PxVmSize" { ... }`)
			}
		case "infinity":
			if !d.labels(b, 0) {
				continue
			}
			if d.cfg.Infinity != nil {
				d.problem(b.TypeRange, "duplicate infinity block; merge it into the first one")
				continue
			}
			d.infinity(b.Body)
		default:
			d.problem(b.TypeRange, fmt.Sprintf("unknown block %q%s; expected pxlint, rule, waiver, variable or infinity", b.Type, suggest(b.Type, blockNames)))
		}
	}
	for _, w := range d.waiverRefs {
		if r, ok := d.known(w.id); ok && !d.cfg.suppressible(r) {
			d.problem(w.rng, notWaivable(r.ID))
		}
	}
}

// labels checks a block has exactly n labels.
func (d *decoder) labels(b *hclsyntax.Block, n int) bool {
	if len(b.Labels) == n {
		return true
	}
	switch {
	case n == 0:
		d.problem(b.LabelRanges[0], fmt.Sprintf("%s block takes no label", b.Type))
	case len(b.Labels) == 0:
		d.problem(b.OpenBraceRange, fmt.Sprintf(`%s block needs the rule ID as its label, e.g. %s "PX105" { ... }`, b.Type, b.Type))
	default:
		d.problem(b.LabelRanges[1], fmt.Sprintf("%s block takes one label, the rule ID", b.Type))
	}
	return false
}

// noBlocks reports nested blocks, which no block accepts.
func (d *decoder) noBlocks(parent string, body *hclsyntax.Body) {
	for _, b := range body.Blocks {
		d.problem(b.TypeRange, fmt.Sprintf("unknown block %q in %s block", b.Type, parent))
	}
}

func (d *decoder) pxlint(body *hclsyntax.Body) {
	d.noBlocks("pxlint", body)
	c := d.cfg
	for _, a := range sortedAttrs(body) {
		switch a.Name {
		case "fail_on":
			if s, ok := d.enum(a, failOnValues); ok {
				t, _ := finding.ParseThreshold(s)
				c.FailOn = &t
			}
		case "profile":
			if s, ok := d.enum(a, Profiles); ok {
				c.Profile = s
			}
		case "az_version":
			if s, ok := d.str(a); ok {
				if err := CheckAzVersion(s); err != nil {
					d.problem(a.Expr.Range(), "az_version = "+err.Error())
				} else {
					c.AzVersion = s
				}
			}
		case "expiry_days":
			if n, ok := d.integer(a); ok {
				if err := CheckExpiryDays(n); err != nil {
					d.problem(a.Expr.Range(), "expiry_days = "+err.Error())
				} else {
					c.ExpiryDays = int(n)
				}
			}
		case "exclude":
			c.Exclude, _ = d.globs(a)
		case "policy_dirs":
			c.PolicyDirs = d.localPaths(a, true)
		case "schema_dirs":
			c.SchemaDirs = d.localPaths(a, true)
		case "ca_files":
			c.CAFiles = d.localPaths(a, false)
		default:
			d.problem(a.NameRange, fmt.Sprintf("unknown attribute %q in pxlint block%s", a.Name, suggest(a.Name, pxlintAttrs)))
		}
	}
}

// infinity reads the `infinity { }` block: the Pexip Infinity export that
// `pxlint lint` judges with the scripts, and the assumptions of the PX7xx
// checks (reference/infinity-config.md §5, "Configuration knobs").
func (d *decoder) infinity(body *hclsyntax.Body) {
	d.noBlocks("infinity", body)
	inf := &Infinity{}
	d.cfg.Infinity = inf
	hasExport := false
	for _, a := range sortedAttrs(body) {
		switch a.Name {
		case "export":
			hasExport = true
			if s, ok := d.str(a); ok {
				full := s
				if !filepath.IsAbs(full) {
					full = filepath.Join(d.cfg.Dir, filepath.FromSlash(s))
				}
				if _, err := os.Stat(full); err != nil {
					d.problem(a.Expr.Range(), fmt.Sprintf("export: %q does not exist (paths are relative to the config file's folder)", s))
				}
				inf.Export = full
			}
		case "teams_domains":
			if vs, rngs, ok := d.stringsAt(a); ok {
				for i, v := range vs {
					if strings.TrimSpace(v) == "" || strings.ContainsAny(v, "@/: ") {
						d.problem(rngs[i], fmt.Sprintf("teams_domains: %q is not a domain (write vc.example.org)", v))
						continue
					}
					inf.TeamsDomains = append(inf.TeamsDomains, v)
				}
			}
		case "expected_tenant_ids":
			if vs, rngs, ok := d.stringsAt(a); ok {
				for i, v := range vs {
					if !guidRe().MatchString(v) {
						d.problem(rngs[i], fmt.Sprintf("expected_tenant_ids: %q is not a GUID", v))
						continue
					}
					inf.ExpectedTenantIDs = append(inf.ExpectedTenantIDs, v)
				}
			}
		case "teams_id_lengths":
			v, ok := d.value(a)
			if !ok {
				continue
			}
			g, err := toGo(v, 0)
			list, _ := g.([]any)
			if err != nil || len(list) != 2 {
				d.problem(a.Expr.Range(), "teams_id_lengths: want [min, max], e.g. [9, 12]")
				continue
			}
			lo, ok1 := list[0].(int)
			hi, ok2 := list[1].(int)
			if !ok1 || !ok2 || lo < 1 || hi < lo || hi > 20 {
				d.problem(a.Expr.Range(), "teams_id_lengths: want two whole numbers 1 ≤ min ≤ max ≤ 20, e.g. [9, 12]")
				continue
			}
			inf.IDLengths = [2]int{lo, hi}
		case "allow_backtracking_eval":
			if v, ok := d.boolean(a); ok {
				inf.AllowBacktracking = v
			}
		default:
			d.problem(a.NameRange, fmt.Sprintf("unknown attribute %q in infinity block%s", a.Name, suggest(a.Name, infinityAttrs)))
		}
	}
	if !hasExport {
		d.problem(body.SrcRange, `infinity block needs export = "<folder or bundle file>"`)
	}
}

var guidRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
})

func (d *decoder) rule(b *hclsyntax.Block) {
	d.noBlocks("rule", b.Body)
	id, builtin, ok := d.ruleID(b)
	if !ok {
		return
	}
	if prev, dup := d.cfg.Rules[strings.ToUpper(id)]; dup {
		d.problem(b.TypeRange, fmt.Sprintf("duplicate rule block %q (first at %s); use one block per rule", id, prev.Source))
		return
	}
	rc := RuleConfig{ID: id, Source: d.sourceAt(b.TypeRange)}
	var reg rules.Rule
	if builtin {
		reg, _ = d.known(id)
	}
	var userOpts []namedRange
	for _, a := range sortedAttrs(b.Body) {
		switch a.Name {
		case "enabled":
			if v, ok := d.boolean(a); ok {
				rc.Enabled = &v
			}
		case "suppressible":
			if v, ok := d.boolean(a); ok {
				rc.Suppressible = &v
			}
		case "severity":
			if s, ok := d.enum(a, severityNames); ok {
				sev, _ := finding.ParseSeverity(s)
				rc.Severity = &sev
			}
		case "paths":
			rc.Paths, _ = d.globs(a)
		default:
			if builtin {
				if _, ok := reg.Options[a.Name]; !ok {
					d.problem(a.NameRange, unknownOption(reg, a.Name))
					continue
				}
			} else {
				userOpts = append(userOpts, namedRange{a.Name, a.NameRange})
			}
			v, ok := d.value(a)
			if !ok {
				continue
			}
			g, err := toGo(v, 0)
			if err != nil {
				d.problem(a.Expr.Range(), fmt.Sprintf("%s: %v", a.Name, err))
				continue
			}
			if spec, ok := reg.OptionSpecs[a.Name]; builtin && ok {
				if err := spec.Check(g); err != nil {
					d.problem(a.Expr.Range(), fmt.Sprintf("%s: %v", a.Name, err))
					continue
				}
			}
			if rc.Options == nil {
				rc.Options = map[string]any{}
			}
			rc.Options[a.Name] = g
		}
	}
	if !builtin {
		d.cfg.userRules = append(d.cfg.userRules, userRef{id: id, rng: b.LabelRanges[0], options: userOpts})
	}
	d.cfg.Rules[strings.ToUpper(id)] = rc
}

// variableName is a $Px variable name as the catalog spells them.
var variableName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[Pp][Xx][A-Za-z0-9_]+$`) })

// parameterName is a PowerShell parameter name without "-".
var parameterName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`) })

// variable reads a `variable "PxName" { ... }` block: a variable the
// catalog does not know (a site's own, or a newer release's). The CUE type
// is checked by the engine, which owns CUE; the rest is checked here.
func (d *decoder) variable(b *hclsyntax.Block) {
	d.noBlocks("variable", b.Body)
	name := strings.TrimPrefix(b.Labels[0], "$")
	if !variableName().MatchString(name) {
		d.problem(b.LabelRanges[0], fmt.Sprintf("variable %q: want a $Px variable name such as \"PxVmSize\"", b.Labels[0]))
		return
	}
	for _, v := range d.cfg.Variables {
		if strings.EqualFold(v.Name, name) {
			d.problem(b.LabelRanges[0], fmt.Sprintf("duplicate variable block %q (first at %s)", name, v.Source))
			return
		}
	}
	v := Variable{Name: name, Type: "string", Source: d.sourceAt(b.TypeRange)}
	for _, a := range sortedAttrs(b.Body) {
		switch a.Name {
		case "type":
			if s, ok := d.str(a); ok {
				if strings.TrimSpace(s) == "" {
					d.problem(a.Expr.Range(), "type: want a CUE type such as \"string\", \"int & >=1\" or \"[...string]\"")
				} else {
					v.Type = s
				}
			}
		case "pattern":
			if s, ok := d.str(a); ok {
				if _, err := regexp.Compile(s); err != nil {
					d.problem(a.Expr.Range(), fmt.Sprintf("pattern %q: %v", s, err))
				} else {
					v.Pattern = s
				}
			}
		case "required":
			v.Required, _ = d.boolean(a)
		case "parameter":
			if s, ok := d.str(a); ok {
				s = strings.TrimPrefix(s, "-")
				if !parameterName().MatchString(s) {
					d.problem(a.Expr.Range(), fmt.Sprintf("parameter %q: want a parameter name of create_vmss_deployment.ps1, e.g. \"VmSize\"", s))
				} else {
					v.Parameter = s
				}
			}
		default:
			d.problem(a.NameRange, fmt.Sprintf("unknown attribute %q in variable block%s", a.Name, suggest(a.Name, variableAttrs)))
		}
	}
	d.cfg.Variables = append(d.cfg.Variables, v)
}

func (d *decoder) waiver(b *hclsyntax.Block) {
	d.noBlocks("waiver", b.Body)
	id, builtin, ok := d.ruleID(b)
	w := Waiver{RuleID: id, Source: d.sourceAt(b.TypeRange)}
	hasReason := false
	for _, a := range sortedAttrs(b.Body) {
		switch a.Name {
		case "paths":
			w.Paths, _ = d.globs(a)
		case "variables":
			if vs, ok := d.strings(a); ok {
				for _, v := range vs {
					w.Variables = append(w.Variables, strings.TrimPrefix(v, "$"))
				}
			}
		case "reason":
			hasReason = true
			if s, ok := d.str(a); ok {
				if strings.TrimSpace(s) == "" {
					d.problem(a.Expr.Range(), fmt.Sprintf("waiver %q has an empty reason; say why the exception is acceptable", id))
				}
				w.Reason = strings.TrimSpace(s)
			}
		case "expires":
			if s, ok := d.str(a); ok {
				if _, ok := ExpiryEnd(s); !ok {
					d.problem(a.Expr.Range(), fmt.Sprintf("expires = %q: not a date, want YYYY-MM-DD", s))
				} else {
					w.Expires = s
				}
			}
		default:
			d.problem(a.NameRange, fmt.Sprintf("unknown attribute %q in waiver block%s", a.Name, suggest(a.Name, waiverAttrs)))
		}
	}
	if !hasReason {
		d.problem(b.TypeRange, fmt.Sprintf(`waiver %q has no reason; add reason = "..." saying why the exception is acceptable`, id))
	}
	if !ok {
		return
	}
	ref := userRef{id: id, rng: b.LabelRanges[0], waiver: true}
	if builtin {
		d.waiverRefs = append(d.waiverRefs, ref)
	} else {
		d.cfg.userRules = append(d.cfg.userRules, ref)
	}
	d.cfg.Waivers = append(d.cfg.Waivers, w)
}

// ruleID reads and checks a rule or waiver label. builtin is false for IDs
// of user policies, which are checked later by CheckUserRules.
func (d *decoder) ruleID(b *hclsyntax.Block) (id string, builtin, ok bool) {
	label, rng := b.Labels[0], b.LabelRanges[0]
	if builtinID().MatchString(label) {
		r, found := d.known(label)
		if !found {
			d.problem(rng, fmt.Sprintf("unknown rule %q%s", label, ruleHint(label)))
			return label, true, false
		}
		return r.ID, true, true
	}
	if r, found := d.known(label); found && r.Engine != rules.EngineUser {
		// A built-in rule's name ("cidr-host-bits") stands for its ID.
		return r.ID, true, true
	}
	if !userID().MatchString(label) {
		d.problem(rng, fmt.Sprintf("%q is not a rule ID (PXnnn, or a user policy's ID)", label))
		return label, false, false
	}
	return label, false, true
}

// ruleHint is " (did you mean PX102?)" for a mistyped built-in rule.
func ruleHint(label string) string {
	if s, ok := rules.Suggest(label); ok {
		return fmt.Sprintf(" (did you mean %s?)", s)
	}
	return ""
}

// suppressible is the config-wide suppressibility of a rule: its registry
// default unless its rule block says otherwise.
func (c *Config) suppressible(r rules.Rule) bool {
	if rc, ok := c.Rules[strings.ToUpper(r.ID)]; ok && rc.Suppressible != nil {
		return *rc.Suppressible
	}
	return !r.NotSuppressible
}

func notWaivable(id string) string {
	return fmt.Sprintf("waiver %q: %s is not suppressible; fix the finding, or set suppressible = true in its rule block", id, id)
}

func unknownOption(r rules.Rule, name string) string {
	if len(r.Options) == 0 {
		return fmt.Sprintf("unknown attribute %q in rule %q: %s takes no options (only enabled, severity, suppressible, paths)", name, r.ID, r.ID)
	}
	names := make([]string, 0, len(r.Options))
	for n := range r.Options {
		names = append(names, n)
	}
	sort.Strings(names)
	return fmt.Sprintf("unknown attribute %q in rule %q%s; %s takes %s", name, r.ID,
		suggest(name, append(append([]string{}, ruleAttrs...), names...)), r.ID, strings.Join(names, ", "))
}

// value evaluates an attribute without variables or functions: config values
// are literals.
func (d *decoder) value(a *hclsyntax.Attribute) (cty.Value, bool) {
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		d.diags(diags)
		return cty.NilVal, false
	}
	if v.IsNull() {
		d.problem(a.Expr.Range(), fmt.Sprintf("%s = null: give a value or remove the line", a.Name))
		return cty.NilVal, false
	}
	if !v.IsWhollyKnown() {
		d.problem(a.Expr.Range(), fmt.Sprintf("%s: value is not a constant", a.Name))
		return cty.NilVal, false
	}
	return v, true
}

func (d *decoder) str(a *hclsyntax.Attribute) (string, bool) {
	v, ok := d.value(a)
	if !ok {
		return "", false
	}
	if v.Type() != cty.String {
		d.problem(a.Expr.Range(), fmt.Sprintf("%s: want a string, got %s", a.Name, v.Type().FriendlyName()))
		return "", false
	}
	return v.AsString(), true
}

func (d *decoder) enum(a *hclsyntax.Attribute, allowed []string) (string, bool) {
	s, ok := d.str(a)
	if !ok {
		return "", false
	}
	for _, x := range allowed {
		if s == x {
			return s, true
		}
	}
	d.problem(a.Expr.Range(), fmt.Sprintf("%s = %q: want one of %s", a.Name, s, quoteList(allowed)))
	return "", false
}

func (d *decoder) boolean(a *hclsyntax.Attribute) (bool, bool) {
	v, ok := d.value(a)
	if !ok {
		return false, false
	}
	if v.Type() != cty.Bool {
		d.problem(a.Expr.Range(), fmt.Sprintf("%s: want true or false, got %s", a.Name, v.Type().FriendlyName()))
		return false, false
	}
	return v.True(), true
}

func (d *decoder) integer(a *hclsyntax.Attribute) (int64, bool) {
	v, ok := d.value(a)
	if !ok {
		return 0, false
	}
	if v.Type() == cty.Number {
		if n, acc := v.AsBigFloat().Int64(); acc == big.Exact {
			return n, true
		}
	}
	d.problem(a.Expr.Range(), fmt.Sprintf("%s: want a whole number", a.Name))
	return 0, false
}

func (d *decoder) strings(a *hclsyntax.Attribute) ([]string, bool) {
	out, _, ok := d.stringsAt(a)
	return out, ok
}

// stringsAt reads a list of strings and where each element is written, so a
// problem with one element points at that element.
func (d *decoder) stringsAt(a *hclsyntax.Attribute) ([]string, []hcl.Range, bool) {
	v, ok := d.value(a)
	if !ok {
		return nil, nil, false
	}
	t := v.Type()
	if !t.IsTupleType() && !t.IsListType() && !t.IsSetType() {
		d.problem(a.Expr.Range(), fmt.Sprintf("%s: want a list of strings, e.g. [\"a\", \"b\"]", a.Name))
		return nil, nil, false
	}
	var elems []hclsyntax.Expression
	if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok && len(tuple.Exprs) == v.LengthInt() {
		elems = tuple.Exprs
	}
	out := make([]string, 0, v.LengthInt())
	rngs := make([]hcl.Range, 0, v.LengthInt())
	for i, it := 0, v.ElementIterator(); it.Next(); i++ {
		rng := a.Expr.Range()
		if elems != nil {
			rng = elems[i].Range()
		}
		_, e := it.Element()
		if e.IsNull() || e.Type() != cty.String {
			d.problem(rng, fmt.Sprintf("%s: want a list of strings, e.g. [\"a\", \"b\"]", a.Name))
			return nil, nil, false
		}
		out = append(out, e.AsString())
		rngs = append(rngs, rng)
	}
	return out, rngs, true
}

func (d *decoder) globs(a *hclsyntax.Attribute) ([]string, bool) {
	ps, rngs, ok := d.stringsAt(a)
	if !ok {
		return nil, false
	}
	for i, p := range ps {
		if err := glob.Validate(p); err != nil {
			d.problem(rngs[i], fmt.Sprintf("%s: pattern %q: %v", a.Name, p, err))
			ok = false
		}
	}
	return ps, ok
}

// localPaths reads folders or files relative to the config's folder and
// checks they exist, so a typo is a config error rather than a silently
// empty policy set.
func (d *decoder) localPaths(a *hclsyntax.Attribute, wantDir bool) []string {
	ps, rngs, ok := d.stringsAt(a)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(ps))
	for i, p := range ps {
		full := p
		if !filepath.IsAbs(full) {
			full = filepath.Join(d.cfg.Dir, filepath.FromSlash(p))
		}
		st, err := os.Stat(full)
		switch {
		case err != nil:
			d.problem(rngs[i], fmt.Sprintf("%s: %q does not exist (paths are relative to the config file's folder)", a.Name, p))
		case wantDir && !st.IsDir():
			d.problem(rngs[i], fmt.Sprintf("%s: %q is not a folder", a.Name, p))
		case !wantDir && st.IsDir():
			d.problem(rngs[i], fmt.Sprintf("%s: %q is a folder, want a file", a.Name, p))
		default:
			out = append(out, full)
		}
	}
	return out
}

// toGo converts a rule option to the plain Go values model.Config.Rules holds.
func toGo(v cty.Value, depth int) (any, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("value nested deeper than %d levels", maxDepth)
	}
	if v.IsNull() {
		return nil, fmt.Errorf("null is not allowed")
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return v.AsString(), nil
	case t == cty.Bool:
		return v.True(), nil
	case t == cty.Number:
		bf := v.AsBigFloat()
		if n, acc := bf.Int64(); acc == big.Exact && n == int64(int(n)) {
			return int(n), nil
		}
		f, _ := bf.Float64()
		return f, nil
	case t.IsTupleType() || t.IsListType() || t.IsSetType():
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			g, err := toGo(e, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, g)
		}
		return out, nil
	case t.IsObjectType() || t.IsMapType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			g, err := toGo(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[k.AsString()] = g
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported value of type %s", t.FriendlyName())
}

// sortedAttrs returns a body's attributes in source order (the map has none).
func sortedAttrs(body *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(body.Attributes))
	for _, a := range body.Attributes {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SrcRange.Start.Byte < out[j].SrcRange.Start.Byte })
	return out
}

// suggest returns `; did you mean "x"?` for a near miss, else "".
func suggest(got string, names []string) string {
	best, bestDist := "", 3
	for _, n := range names {
		if dist := levenshtein.ComputeDistance(got, n); dist < bestDist {
			best, bestDist = n, dist
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
