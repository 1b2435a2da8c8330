package schema

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"cuelang.org/go/cue/ast"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/format"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/safeio"
)

// UserIDPrefix starts the rule ID derived from a user schema file's name for
// its constraints that carry no @rule(ID): regions.cue → "USER-cue.regions".
// (User Rego policies use "USER-<package>", so the two never collide.)
const UserIDPrefix = "USER-cue."

// Bounds on user overlays: they are the user's own files, but a typo in a
// --schema path must not make pxlint read a home directory.
const (
	maxUserFiles    = 200
	maxUserFileSize = 1 << 20
)

// userIDPattern is what a user rule ID may look like.
// Compiled on first use: its bounded repetition costs a compile at
// start-up that only runs with user schemas need (user rule IDs).
var userIDPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]{0,63}$`) })

// builtinIDPattern matches IDs reserved for built-in rules.
var builtinIDPattern = regexp.MustCompile(`(?i)^PX[0-9]+$`)

// userFile is one user overlay file.
type userFile struct {
	path      string // as found: dir joined with the file name
	syntax    *ast.File
	derivedID string
	fields    []*userField
}

// userField is one field declared in a user file, with the rule that owns it.
type userField struct {
	labels []string // e.g. ["#Variables", "PxAzureLocation"]
	start  token.Pos
	end    token.Pos
	rule   *ruleAttr // nearest @rule on the field or an enclosing one; nil if none
	expr   string    // the field's value as written, shortened
	leaf   bool      // the value is not a struct literal
}

// ruleAttr is a parsed @rule(ID, severity=..., msg="...", title="...", fix="...").
type ruleAttr struct {
	id       string
	severity finding.Severity
	msg      string
	title    string
	fix      string
	pos      token.Pos
}

// readUserDirs parses every top-level .cue file of each directory (or the
// file itself when a path names a file).
func readUserDirs(dirs []string) ([]*userFile, error) {
	var out []*userFile
	for _, dir := range dirs {
		files, err := userFilesIn(dir)
		if err != nil {
			return nil, err
		}
		for _, p := range files {
			u, err := readUserFile(p)
			if err != nil {
				return nil, err
			}
			out = append(out, u)
		}
	}
	return out, nil
}

func userFilesIn(dir string) ([]string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("schema directory: %w", err)
	}
	if !st.IsDir() {
		return []string{dir}, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("schema directory: %w", err)
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".cue") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	if len(out) > maxUserFiles {
		return nil, fmt.Errorf("schema directory %s: %d .cue files, more than the %d pxlint reads", dir, len(out), maxUserFiles)
	}
	sort.Strings(out)
	return out, nil
}

func readUserFile(p string) (*userFile, error) {
	src, err := safeio.ReadFile(p, maxUserFileSize)
	if errors.Is(err, safeio.ErrTooLarge) {
		return nil, fmt.Errorf("%s:1:1: schema file of more than the %d bytes pxlint reads", p, maxUserFileSize)
	}
	if err != nil {
		return nil, fmt.Errorf("schema file: %w", err)
	}
	f, err := parser.ParseFile(p, src, parser.ParseComments)
	if err != nil {
		return nil, positioned(err)
	}
	if name := f.PackageName(); name != PackageName {
		pos := f.Pos()
		for _, d := range f.Decls {
			if pkg, ok := d.(*ast.Package); ok {
				pos = pkg.Pos()
			}
		}
		line, col := 1, 1
		if pos.IsValid() {
			line, col = pos.Line(), pos.Column()
		}
		if name == "" {
			return nil, fmt.Errorf("%s:%d:%d: a user schema must start with `package %s`", p, line, col, PackageName)
		}
		return nil, fmt.Errorf("%s:%d:%d: package %s: a user schema must be in package %s", p, line, col, name, PackageName)
	}
	for spec := range f.ImportSpecs() {
		imp, err := strconv.Unquote(spec.Path.Value)
		if err != nil || strings.Contains(strings.Split(imp, "/")[0], ".") {
			pos := spec.Path.Pos()
			return nil, fmt.Errorf("%s:%d:%d: import %s: a user schema may import only CUE's standard library (e.g. \"strings\", \"list\", \"net\")",
				p, pos.Line(), pos.Column(), spec.Path.Value)
		}
	}
	u := &userFile{path: p, syntax: f, derivedID: derivedID(p)}
	if err := u.indexFields(); err != nil {
		return nil, err
	}
	return u, nil
}

// derivedID is the rule ID of a file's constraints that name none.
func derivedID(p string) string {
	stem := strings.TrimSuffix(filepath.Base(p), ".cue")
	var b strings.Builder
	for _, r := range strings.ToLower(stem) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return UserIDPrefix + b.String()
}

// indexFields records every field of the file with its labels, span and
// owning @rule (its own, a declaration attribute of its struct, or an
// enclosing field's).
func (u *userFile) indexFields() error {
	var stack []*userField
	var werr error
	ast.Walk(u.syntax, func(n ast.Node) bool {
		if werr != nil {
			return false
		}
		f, ok := n.(*ast.Field)
		if !ok {
			return true
		}
		name, _, err := ast.LabelName(f.Label)
		if err != nil {
			name = "?"
		}
		uf := &userField{start: f.Pos(), end: f.End()}
		if len(stack) > 0 {
			parent := stack[len(stack)-1]
			uf.labels = append(append([]string(nil), parent.labels...), name)
			uf.rule = parent.rule
		} else {
			uf.labels = []string{name}
		}
		attrs := append([]*ast.Attribute(nil), f.Attrs...)
		st, isStruct := f.Value.(*ast.StructLit)
		if isStruct {
			for _, d := range st.Elts {
				if a, ok := d.(*ast.Attribute); ok {
					attrs = append(attrs, a)
				}
			}
		}
		for _, a := range attrs {
			r, err := parseRuleAttr(u.path, a)
			if err != nil {
				werr = err
				return false
			}
			if r != nil {
				uf.rule = r
			}
		}
		uf.leaf = !isStruct
		if b, err := format.Node(f.Value); err == nil {
			uf.expr = shorten(strings.Join(strings.Fields(string(b)), " "), 120)
		}
		u.fields = append(u.fields, uf)
		stack = append(stack, uf)
		return true
	}, func(n ast.Node) {
		if _, ok := n.(*ast.Field); ok && len(stack) > 0 {
			stack = stack[:len(stack)-1]
		}
	})
	return werr
}

// parseRuleAttr reads @rule(ID, key=value, ...); nil for other attributes.
func parseRuleAttr(file string, a *ast.Attribute) (*ruleAttr, error) {
	key, body := a.Split()
	if key != "rule" {
		return nil, nil
	}
	pos := a.Pos()
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d:%d: %s", file, pos.Line(), pos.Column(), fmt.Sprintf(format, args...))
	}
	args, err := splitAttrArgs(body)
	if err != nil {
		return nil, fail("@rule: %v", err)
	}
	if len(args) == 0 || strings.Contains(args[0], "=") {
		return nil, fail("@rule needs a rule ID first, e.g. @rule(ACME001)")
	}
	r := &ruleAttr{id: args[0], severity: finding.SeverityError, pos: pos}
	if builtinIDPattern.MatchString(r.id) {
		return nil, fail("@rule(%s): PX IDs belong to built-in rules; name your rule with your own prefix, e.g. ACME001", r.id)
	}
	if !userIDPattern().MatchString(r.id) {
		return nil, fail("@rule(%s): a rule ID is a letter followed by up to 63 letters, digits, '_', '.' or '-'", r.id)
	}
	for _, arg := range args[1:] {
		k, v, ok := strings.Cut(arg, "=")
		if !ok {
			return nil, fail("@rule(%s): %q is not key=value", r.id, arg)
		}
		k = strings.TrimSpace(k)
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, `"`) {
			uq, err := strconv.Unquote(v)
			if err != nil {
				return nil, fail("@rule(%s): %s: bad string %s", r.id, k, v)
			}
			v = uq
		}
		switch k {
		case "severity":
			sev, ok := finding.ParseSeverity(v)
			if !ok || sev == finding.SeverityNone {
				return nil, fail("@rule(%s): severity %q: use error, warning or info", r.id, v)
			}
			r.severity = sev
		case "msg":
			r.msg = v
		case "title":
			r.title = v
		case "fix":
			r.fix = v
		default:
			return nil, fail("@rule(%s): unknown key %q (known: severity, msg, title, fix)", r.id, k)
		}
	}
	return r, nil
}

// splitAttrArgs splits an attribute body at commas outside double quotes.
func splitAttrArgs(body string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inQuote, escaped := false, false
	for _, r := range body {
		switch {
		case escaped:
			escaped = false
		case inQuote && r == '\\':
			escaped = true
		case r == '"':
			inQuote = !inQuote
		case r == ',' && !inQuote:
			args = append(args, strings.TrimSpace(cur.String()))
			cur.Reset()
			continue
		}
		cur.WriteRune(r)
	}
	if inQuote {
		return nil, fmt.Errorf("unterminated string")
	}
	if s := strings.TrimSpace(cur.String()); s != "" || len(args) > 0 {
		args = append(args, s)
	}
	return args, nil
}

// innermostField is the smallest field of the file whose span holds pos.
func (u *userFile) innermostField(pos token.Pos) *userField {
	var best *userField
	for _, f := range u.fields {
		if f.holds(pos) {
			if best == nil || f.end.Offset()-f.start.Offset() < best.end.Offset()-best.start.Offset() {
				best = f
			}
		}
	}
	return best
}

// constrains reports whether the field declares the given variable of the
// profile: #Variables.<name> or #Profiles.<profile>.variables.<name>.
func (f *userField) constrains(profile, variable string) bool {
	l := f.labels
	switch {
	case len(l) == 2 && l[0] == "#Variables":
		return l[1] == variable
	case len(l) == 4 && l[0] == "#Profiles" && l[2] == "variables":
		return l[1] == profile && l[3] == variable
	}
	return false
}

// variable returns the variable a field constrains, if any.
func (f *userField) variable() string {
	l := f.labels
	switch {
	case len(l) == 2 && l[0] == "#Variables":
		return l[1]
	case len(l) == 4 && l[0] == "#Profiles" && l[2] == "variables":
		return l[3]
	}
	return ""
}

// collectUserRules builds the registry entries of the user overlays: one per
// explicit @rule ID, plus the derived ID of each file that has a constraint
// no @rule covers.
func (s *Schema) collectUserRules() []rules.Rule {
	byID := map[string]*rules.Rule{}
	needs := map[string]map[string]bool{}
	add := func(id string, r *ruleAttr, file string) *rules.Rule {
		if e, ok := byID[id]; ok {
			return e
		}
		e := &rules.Rule{
			ID:          id,
			Name:        strings.ToLower(id),
			Title:       "user schema constraint from " + filepath.Base(file),
			Severity:    finding.SeverityError,
			Description: "A constraint of the user CUE schema " + file + ".",
			Engine:      rules.EngineUser,
		}
		if r != nil {
			e.Severity = r.severity
			if r.title != "" {
				e.Title = r.title
			}
			if r.msg != "" {
				e.Description += " " + r.msg
			}
			e.Remediation = r.fix
		}
		e.Levels = []finding.Severity{e.Severity}
		byID[id] = e
		needs[id] = map[string]bool{}
		return e
	}
	for _, u := range s.user {
		for _, f := range u.fields {
			id := u.derivedID
			var r *ruleAttr
			switch {
			case f.rule != nil:
				id, r = f.rule.id, f.rule
			case !f.leaf:
				continue // a struct without a rule: its leaves decide
			}
			add(id, r, u.path)
			if v := f.variable(); v != "" {
				needs[id][v] = true
			}
		}
	}
	out := make([]rules.Rule, 0, len(byID))
	for id, r := range byID {
		for v := range needs[id] {
			r.Needs = append(r.Needs, v)
		}
		sort.Strings(r.Needs)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// userOwner finds the user field behind a failure of variable in the
// merged schema: a field declaring the variable whose span holds a position
// the CUE error cites; else any field declaring the variable; else the
// innermost user field at a cited position (a narrowed helper definition);
// else the first user file. The field is nil when only the file is known.
func (s *Schema) userOwner(positions []token.Pos, profile, variable string) (*userFile, *userField) {
	type cand struct {
		u *userFile
		f *userField
	}
	var cands []cand
	for _, u := range s.user {
		for _, f := range u.fields {
			if f.constrains(profile, variable) {
				cands = append(cands, cand{u, f})
			}
		}
	}
	for _, pos := range positions {
		for _, c := range cands {
			if pos.IsValid() && pos.Filename() == c.u.path && c.f.holds(pos) {
				return c.u, c.f
			}
		}
	}
	if len(cands) > 0 {
		return cands[0].u, cands[0].f
	}
	for _, pos := range positions {
		for _, u := range s.user {
			if pos.IsValid() && pos.Filename() == u.path {
				return u, u.innermostField(pos)
			}
		}
	}
	if len(s.user) == 0 {
		return nil, nil
	}
	return s.user[0], nil
}

// holds reports whether pos lies within the field.
func (f *userField) holds(pos token.Pos) bool {
	return f.start.Offset() <= pos.Offset() && pos.Offset() < f.end.Offset()
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// blameUser formats an error of the merged schema (the built-in schema alone
// compiles, so a user file caused it) at the user field whose labels match
// the failing path, when the error itself cites no user position.
func (s *Schema) blameUser(err error) error {
	return positionedAt(err, func(e cueerrors.Error) token.Pos {
		positions := append([]token.Pos{e.Position()}, cueerrors.Positions(e)...)
		for _, p := range positions {
			for _, u := range s.user {
				if p.IsValid() && p.Filename() == u.path {
					return p
				}
			}
		}
		path := e.Path()
		for n := len(path); n > 0; n-- {
			for _, u := range s.user {
				for _, f := range u.fields {
					if slices.Equal(f.labels, path[:n]) {
						return f.start
					}
				}
			}
		}
		return firstPos(e)
	})
}
