package schema

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/token"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// Rule IDs this package reports for the built-in schema. Their registry
// entries live in lint/rules (px0xx.go, px2xx.go, px5xx.go).
const (
	RuleUnknownVariable = rules.PX005
	RuleWrongType       = rules.PX008
	RuleAzureLocation   = rules.PX209
)

// Violation is one schema failure of one variable.
type Violation struct {
	RuleID string
	// Severity is the level to report; SeverityNone means the registry's
	// default. Built-in rules use it for PX209's info level; user rules
	// always set it (error unless their @rule says otherwise).
	Severity finding.Severity
	// Variable is the catalog name (without `$`); for PX005 the name as given.
	Variable string
	// Element is the index of the offending array element, -1 for the whole value.
	Element int
	// Message names the offending value and the fix; it never holds a secret
	// (secrets are not in the values document).
	Message string
	// Fix is the replacement to write, when one is mechanical; may be "".
	Fix string
}

// Options tune one validation.
type Options struct {
	// ExtraLocations are accepted as Azure locations besides the built-in
	// region list (config: rule "PX209" { extra_locations = [...] }).
	ExtraLocations []string
	// OtherNames are assigned variables whose values are not in the values
	// document (unknown or secret): PX005 still checks their names.
	OtherNames []string
	// Deployed maps the lower-case names of variables the script passes to
	// create_vmss_deployment.ps1 to the parameter they feed: an unknown name
	// passed there is likely a newer release's variable (PX005 info).
	Deployed map[string]string
	// Declared are the config's variable blocks: known names, validated
	// against their type and pattern (PX509).
	Declared []Declared
}

// maxNames bounds the variables one validation looks at.
const maxNames = 10000

// Validate checks a values document (catalog-spelled names without `$` →
// evaluated values: string, bool, int/int64/float64, nil, []any,
// map[string]any) against the profile's schema. Names that do not start with
// "Px" (case-insensitively) are ignored; nil values are skipped (a bare
// address is PX002's, a missing value PX501's). An unknown profile is
// validated as DefaultProfile. Violations are ordered by variable, then
// element, then rule. Safe for concurrent use.
//
// Each variable is judged first against the built-in schema (built-in
// rules), then, only when that passes, against the schema with the user
// overlays (user rules): a user narrowing is never reported as the built-in
// rule of the field, and a value the built-in schema already rejects is not
// reported twice. Both checks unify the whole document once (or, for a
// few values the pass cache has not seen, each value with its field:
// failingSeparately); only the variables an error names are then
// validated one by one to explain them.
// Values that all pass their fields' accepts are judged without CUE
// (passesWithoutCUE); otherwise a schema from Start compiles its CUE
// first, and one that failed to compile (Wait's error) reports nothing.
func (s *Schema) Validate(profileName string, values map[string]any, opts Options) []Violation {
	// A schema from Load is compiled already, with the profiles its
	// overlays may change; one from Start has the tables' profiles for good.
	p, ok := s.profiles[profileName]
	if !ok {
		profileName = DefaultProfile
		p = s.profiles[profileName]
	}
	known, out := s.knownValues(profileName, p, values, opts)
	out = append(out, s.unknownOthers(profileName, p, values, opts)...)
	out = append(out, checkDeclared(opts.Declared, values)...)
	if s.passesWithoutCUE(profileName, known, opts) {
		fields := s.fields[profileName]
		for n, v := range known {
			if viol, ok := s.locationInfo(fields[n].Rule, n, v); ok {
				out = append(out, viol)
			}
		}
		sortViolations(out)
		return out
	}
	if s.Wait() != nil {
		return nil
	}
	vr := s.variantFor(opts)
	failed, builtin := s.checkBuiltin(vr.builtin[profileName], known)
	out = append(out, builtin...)
	out = append(out, s.checkNodeNames(known)...)
	if len(s.user) > 0 {
		out = append(out, s.checkUser(profileName, vr.merged[profileName], known, failed)...)
		out = append(out, s.missingRequired(profileName, vr.merged[profileName], values, opts.OtherNames)...)
	}
	sortViolations(out)
	return out
}

// passesWithoutCUE reports whether every known value passes its field's
// accept and every name of $PxNodeFqdns #Fqdn's: then the built-in schema
// rejects nothing, and of what it reports only PX209's location notes
// remain, which Go gives (Validate). False, and CUE must judge, when a
// value needs it, or when user overlays or extra locations make the
// built-in accepts beside the point.
func (s *Schema) passesWithoutCUE(profileName string, known map[string]any, opts Options) bool {
	if len(s.dirs) > 0 || len(opts.ExtraLocations) > 0 || s.fields == nil {
		return false
	}
	fields := s.fields[profileName]
	for n, v := range known {
		if !fields[n].Accept.accepts(v) {
			return false
		}
	}
	return s.nodeNamesAccepted(known)
}

// knownValues returns the normalized, non-nil values of the names the
// profile knows (by catalog name), and PX005 for the Px names it does not.
func (s *Schema) knownValues(profileName string, p *profile, values map[string]any, opts Options) (map[string]any, []Violation) {
	names := make([]string, 0, len(values))
	for n := range values {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > maxNames {
		names = names[:maxNames]
	}
	known := map[string]any{}
	var out []Violation
	for _, n := range names {
		if !isPxName(n) {
			continue
		}
		catalogName, isKnown := p.catalog[strings.ToLower(n)]
		if !isKnown {
			if _, declared := declaredFor(opts.Declared, n); !declared {
				out = append(out, s.unknownVariable(profileName, p, n, opts.Deployed))
			}
			continue
		}
		if v, ok := normalize(values[n], 0); ok && v != nil {
			known[catalogName] = v
		}
	}
	return known, out
}

// checkBuiltin judges the known values on the built-in schema; failed holds
// the variables with a built-in violation.
func (s *Schema) checkBuiltin(builtin *fieldSet, known map[string]any) (failed map[string]bool, out []Violation) {
	doc := map[string]any{}
	for n, v := range known {
		if _, ok := builtin.fields[n]; ok {
			doc[n] = v
		}
	}
	suspects := s.failing(builtin, doc)
	failed = map[string]bool{}
	for n, v := range doc {
		f := builtin.fields[n]
		if suspects[n] {
			if viol, ok := s.builtinViolation(n, f.value, v); ok {
				out = append(out, viol)
				failed[n] = true
				continue
			}
		}
		if viol, ok := s.locationInfo(f.rule, n, v); ok {
			out = append(out, viol)
		}
	}
	return failed, out
}

// checkUser judges the values the built-in schema accepted on the schema
// with the user overlays. Blank values are PX501's and not checked.
func (s *Schema) checkUser(profileName string, merged *fieldSet, known map[string]any, failed map[string]bool) []Violation {
	doc := map[string]any{}
	for n, v := range known {
		if _, ok := merged.fields[n]; ok && !failed[n] && !isBlank(v) {
			doc[n] = v
		}
	}
	var out []Violation
	for n := range s.failing(merged, doc) {
		if viol, ok := s.userViolation(profileName, merged.fields[n].value, n, doc[n]); ok {
			out = append(out, viol)
		}
	}
	return out
}

// sortViolations orders by variable, element, rule, then message.
func sortViolations(out []Violation) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Variable != b.Variable {
			return a.Variable < b.Variable
		}
		if a.Element != b.Element {
			return a.Element < b.Element
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
}

// unknownOthers is PX005 for the names of OtherNames that are not known.
func (s *Schema) unknownOthers(profileName string, p *profile, values map[string]any, opts Options) []Violation {
	var out []Violation
	other := append([]string(nil), opts.OtherNames...)
	sort.Strings(other)
	if len(other) > maxNames {
		other = other[:maxNames]
	}
	seen := map[string]bool{}
	for _, n := range other {
		if _, inValues := values[n]; inValues || seen[n] || !isPxName(n) {
			continue
		}
		seen[n] = true
		_, known := p.catalog[strings.ToLower(n)]
		if _, declared := declaredFor(opts.Declared, n); !known && !declared {
			out = append(out, s.unknownVariable(profileName, p, n, opts.Deployed))
		}
	}
	return out
}

// isBlank reports an empty or whitespace-only string: "not set" for PX501.
func isBlank(v any) bool {
	s, ok := v.(string)
	return ok && strings.TrimSpace(s) == ""
}

func isPxName(n string) bool {
	return len(n) >= 2 && strings.EqualFold(n[:2], "px")
}

// failing unifies the document with the variables struct and returns the
// variables the errors name (every variable of the document when an error
// names none); nil when the document is valid. Values that passed before
// are not unified again.
func (s *Schema) failing(fs *fieldSet, doc map[string]any) map[string]bool {
	todo := map[string]any{}
	whole := fs.whole.worthIt()
	for n, v := range doc {
		if whole && s.acceptsWhole(fs, n, v) || fs.passed.has(n, v) {
			continue
		}
		todo[n] = v
	}
	if len(todo) == 0 {
		return nil
	}
	if len(todo) <= maxSeparateChecks {
		return s.failingSeparately(fs, todo)
	}
	x := s.ctx.Encode(todo)
	if x.Err() != nil {
		return nil
	}
	err := fs.vars.Unify(x).Validate(cue.Concrete(true))
	out := map[string]bool{}
	unattributed := false
	for _, e := range cueerrors.Errors(err) {
		p := e.Path()
		if len(p) <= fs.prefix {
			unattributed = true
			continue
		}
		// An error on a variable the document lacks is a field the schema
		// requires (missingRequired reports those), not a failing value.
		if _, inDoc := todo[p[fs.prefix]]; inDoc {
			out[p[fs.prefix]] = true
		}
	}
	if len(out) == 0 && unattributed {
		for n := range todo {
			out[n] = true
		}
		return out
	}
	for n, v := range todo {
		if !out[n] {
			fs.passed.add(n, v)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// maxSeparateChecks is the most new values failing checks one by one. A
// unification of the whole variables struct costs about as much as six
// values checked alone (it copies every field of the struct), and the
// regional scripts of a run mostly differ in fewer (the base name, the
// resource groups named after it, the FQDN and its certificate file).
const maxSeparateChecks = 6

// failingSeparately is failing for a few values, each checked alone against
// its field: the same answer, since every constraint is per variable.
func (s *Schema) failingSeparately(fs *fieldSet, todo map[string]any) map[string]bool {
	var out map[string]bool
	fail := func(n string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[n] = true
	}
	for n, v := range todo {
		f, ok := fs.fields[n]
		if !ok {
			fail(n) // the closed struct's error
			continue
		}
		x := s.ctx.Encode(v)
		if x.Err() != nil {
			continue // as failing skips a document CUE cannot encode
		}
		if f.value.Unify(x).Validate(cue.Concrete(true)) != nil {
			fail(n)
			continue
		}
		fs.passed.add(n, v)
	}
	return out
}

// check validates one value against one field's constraint.
func (s *Schema) check(field cue.Value, value any) (cue.Value, error) {
	x := s.ctx.Encode(value)
	if err := x.Err(); err != nil {
		return x, err
	}
	return x, field.Unify(x).Validate(cue.Concrete(true))
}

// builtinViolation maps a built-in schema failure to its rule: PX008 when the
// value's kind is not one the field admits, else the field's @rule. ok is
// false when the value alone passes.
func (s *Schema) builtinViolation(name string, field cue.Value, value any) (Violation, bool) {
	x, err := s.check(field, value)
	if err == nil {
		return Violation{}, false
	}
	ruleID := RuleWrongType
	if x.Kind()&field.IncompleteKind() != 0 {
		if id, ok := ruleOf(field); ok {
			ruleID = id
		}
	}
	v := Violation{RuleID: ruleID, Variable: name, Element: elementOf(err, name)}
	v.Message, v.Fix = s.message(ruleID, name, field, value)
	return v, true
}

// ruleOf reads the field's @rule(ID).
func ruleOf(field cue.Value) (string, bool) {
	a := field.Attribute("rule")
	if a.Err() != nil {
		return "", false
	}
	id, err := a.String(0)
	if err != nil || id == "" {
		return "", false
	}
	return id, true
}

// userViolation attributes a merged-schema failure to the user rule that owns it.
func (s *Schema) userViolation(profileName string, field cue.Value, name string, value any) (Violation, bool) {
	_, err := s.check(field, value)
	if err == nil {
		return Violation{}, false
	}
	var positions []token.Pos
	for _, e := range cueerrors.Errors(err) {
		positions = append(positions, e.Position())
		positions = append(positions, cueerrors.Positions(e)...)
	}
	u, f := s.userOwner(positions, profileName, name)
	v := Violation{Severity: finding.SeverityError, Variable: name, Element: elementOf(err, name)}
	shown := "$" + name + " " + describe(value)
	if list, ok := value.([]any); ok && v.Element >= 0 && v.Element < len(list) {
		shown = fmt.Sprintf("$%s element %d %s", name, v.Element+1, describe(list[v.Element]))
	}
	switch {
	case f != nil && f.rule != nil:
		v.RuleID, v.Severity = f.rule.id, f.rule.severity
	case u != nil:
		v.RuleID = u.derivedID
	default:
		v.RuleID = UserIDPrefix + "schema"
	}
	where := ""
	if f != nil {
		where = u.path + ":" + strconv.Itoa(f.start.Line())
	} else if u != nil {
		where = u.path
	}
	switch {
	case f != nil && f.rule != nil && f.rule.msg != "":
		v.Message = shown + ": " + f.rule.msg + " (" + where + ")"
	case f != nil && f.expr != "":
		v.Message = shown + " does not satisfy the user schema " + where + ": " + f.expr
	default:
		v.Message = shown + " does not satisfy the user schema " + where + ": " + firstMessage(err)
	}
	switch {
	case f != nil && f.rule != nil && f.rule.fix != "":
		v.Fix = f.rule.fix
	case f != nil && f.expr != "":
		v.Fix = "give $" + name + " a value that satisfies " + f.expr
	}
	return v, true
}

// missingRequired reports the variables a user overlay declares required
// (`PxName!: ...`) that the script does not assign at all. Assigned
// variables whose value is unknown or secret (OtherNames) are not missing.
func (s *Schema) missingRequired(profileName string, merged *fieldSet, values map[string]any, others []string) []Violation {
	assigned := map[string]bool{}
	for n := range values {
		assigned[strings.ToLower(n)] = true
	}
	for _, n := range others {
		assigned[strings.ToLower(n)] = true
	}
	var out []Violation
	for name, f := range merged.fields {
		if !f.required || assigned[strings.ToLower(name)] {
			continue
		}
		u, uf := s.userOwner(nil, profileName, name)
		v := Violation{Severity: finding.SeverityError, Variable: name, Element: -1, RuleID: UserIDPrefix + "schema"}
		where := ""
		switch {
		case uf != nil && uf.rule != nil:
			v.RuleID, v.Severity = uf.rule.id, uf.rule.severity
		case u != nil:
			v.RuleID = u.derivedID
		}
		if uf != nil {
			where = " (" + u.path + ":" + strconv.Itoa(uf.start.Line()) + ")"
		}
		v.Message = "$" + name + " is required by the user schema" + where + " but the script does not assign it"
		v.Fix = "add $" + name + " = ..."
		if uf != nil && uf.expr != "" {
			v.Fix = "add an assignment of $" + name + " that satisfies " + uf.expr
		}
		out = append(out, v)
	}
	return out
}

// firstMessage is the first CUE error's message without its path.
func firstMessage(err error) string {
	list := cueerrors.Errors(err)
	if len(list) == 0 {
		return err.Error()
	}
	msg := list[len(list)-1].Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		msg = msg[i+2:]
	}
	return shorten(msg, 160)
}

// elementOf finds the array index right after the variable in the failing
// paths of err; -1 when the whole value failed.
func elementOf(err error, name string) int {
	for _, e := range cueerrors.Errors(err) {
		p := e.Path()
		for i := 0; i+1 < len(p); i++ {
			if p[i] == name {
				if n, err := strconv.Atoi(p[i+1]); err == nil && n >= 0 {
					return n
				}
			}
		}
	}
	return -1
}

// maxDepth bounds the nesting normalize follows.
const maxDepth = 32

// normalize turns a model value into one CUE encodes faithfully: whole
// float64 become int64 (PowerShell's 3 and the model's 3.0 are the same
// instance count), ints widen to int64; NaN and infinities make the value
// unusable (ok false). Other types are left out (ok false).
func normalize(v any, depth int) (any, bool) {
	if depth > maxDepth {
		return nil, false
	}
	switch x := v.(type) {
	case nil, string, bool, int64:
		return x, true
	case int:
		return int64(x), true
	case int32:
		return int64(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, false
		}
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x), true
		}
		return x, true
	case float32:
		return normalize(float64(x), depth)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			n, ok := normalize(e, depth+1)
			if !ok {
				return nil, false
			}
			out[i] = n
		}
		return out, true
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			n, ok := normalize(e, depth+1)
			if !ok {
				return nil, false
			}
			out[k] = n
		}
		return out, true
	}
	return nil, false
}
