package snapshot

import (
	"encoding/binary"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ReadHeader reads what a snapshot was built from, checking its format
// and its payload's checksum.
func ReadHeader(data string) (Header, error) {
	h, _, err := header(data)
	return h, err
}

func header(data string) (Header, string, error) {
	var h Header
	if len(data) < len(magic) || data[:len(magic)] != magic {
		return h, "", fmt.Errorf("snapshot: not a snapshot")
	}
	r := &reader{data: data, pos: len(magic), end: len(data)}
	if v := r.uint(); v != formatVersion {
		return h, "", fmt.Errorf("snapshot: format %d, want %d", v, formatVersion)
	}
	h.OPAVersion = r.rawString()
	h.SourceHash = r.rawString()
	if r.err != nil || r.end-r.pos < checksumSize {
		return h, "", errCorrupt
	}
	sum := binary.LittleEndian.Uint64([]byte(data[r.pos : r.pos+checksumSize]))
	payload := data[r.pos+checksumSize:]
	if checksum(payload) != sum {
		return h, "", fmt.Errorf("snapshot: checksum mismatch")
	}
	return h, payload, nil
}

// Decode restores the engine called name. Corrupt bytes are an error,
// never a panic. Location texts stored as source ranges are slices of
// sources' files.
func Decode(data, name string, sources Sources) (Header, Engine, error) {
	h, payload, err := header(data)
	if err != nil {
		return h, Engine{}, err
	}
	r := &reader{data: payload, end: len(payload), sources: sources}
	r.seekEngine(name)
	en := r.engine(name, decodeWorkers())
	if r.err != nil {
		return h, Engine{}, r.err
	}
	if r.pos != r.end {
		return h, Engine{}, errCorrupt
	}
	return h, en, nil
}

// seekEngine reads a payload's string table and engine directory and
// leaves r on the engine called name, its end the engine's.
func (r *reader) seekEngine(name string) {
	n := r.count()
	r.table = make([]string, 0, n)
	for range n {
		r.table = append(r.table, r.rawString())
	}
	engines := r.count()
	start, size := -1, 0
	for range engines {
		en := r.str()
		s, z := r.count(), r.count()
		if en == name {
			start, size = s, z
		}
	}
	body := r.count()
	if r.err != nil || body != r.end-r.pos {
		r.fail(errCorrupt)
		return
	}
	if start < 0 {
		r.fail(fmt.Errorf("snapshot: no engine %q", name))
		return
	}
	if start > body || size > body-start {
		r.fail(errCorrupt)
		return
	}
	base := r.pos
	r.pos, r.end = base+start, base+start+size
}

// reader reads the encoding; after the first error every read returns a
// zero value (never nil where OPA expects a node) and r.err says why.
type reader struct {
	data     string
	pos, end int
	table    []string
	sources  Sources
	// file and src are the last source looked up: a module's locations
	// are nearly all in its one file, and a lookup per location was a
	// tenth of a decode.
	file  string
	src   []byte
	depth int
	err   error
	// indexed are the rules read so far that are flagged Indexed.
	indexed []*ast.Rule
	// locs are the locations read so far, in order (tagLocationRef).
	locs []*ast.Location
	// Nodes are allocated in blocks: a restore reads tens of thousands.
	termBlock []ast.Term
	exprBlock []ast.Expr
	locBlock  []ast.Location
}

const blockSize = 256

func (r *reader) newTerm() *ast.Term {
	if len(r.termBlock) == 0 {
		r.termBlock = make([]ast.Term, blockSize)
	}
	t := &r.termBlock[0]
	r.termBlock = r.termBlock[1:]
	return t
}

func (r *reader) newExpr() *ast.Expr {
	if len(r.exprBlock) == 0 {
		r.exprBlock = make([]ast.Expr, blockSize)
	}
	x := &r.exprBlock[0]
	r.exprBlock = r.exprBlock[1:]
	return x
}

func (r *reader) newLocation() *ast.Location {
	if len(r.locBlock) == 0 {
		r.locBlock = make([]ast.Location, blockSize)
	}
	loc := &r.locBlock[0]
	r.locBlock = r.locBlock[1:]
	return loc
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.pos = r.end
}

func (r *reader) byte() byte {
	if r.pos >= r.end {
		r.fail(errCorrupt)
		return 0
	}
	b := r.data[r.pos]
	r.pos++
	return b
}

func (r *reader) uint() uint64 {
	var x uint64
	for shift := uint(0); shift < 64; shift += 7 {
		b := r.byte()
		if r.err != nil {
			return 0
		}
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x
		}
	}
	r.fail(errCorrupt)
	return 0
}

func (r *reader) int() int {
	u := r.uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

func (r *reader) bool() bool {
	switch r.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail(errCorrupt)
	return false
}

// count reads a length, which can be no more than the bytes left: every
// element takes at least one, so corrupt lengths cannot allocate much.
func (r *reader) count() int {
	n := r.uint()
	if n > uint64(r.end-r.pos) {
		r.fail(errCorrupt)
		return 0
	}
	return int(n)
}

// optCount reads a length written by encoder.count: -1 for nil.
func (r *reader) optCount() int {
	n := r.uint()
	if n == 0 {
		return -1
	}
	if n-1 > uint64(r.end-r.pos) {
		r.fail(errCorrupt)
		return -1
	}
	return int(n - 1)
}

func (r *reader) rawString() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	s := r.data[r.pos : r.pos+n]
	r.pos += n
	return s
}

func (r *reader) str() string {
	i := r.uint()
	if i >= uint64(len(r.table)) {
		r.fail(errCorrupt)
		return ""
	}
	return r.table[i]
}

func (r *reader) enter() bool {
	r.depth++
	if r.depth > maxDepth {
		r.fail(errDepth)
		return false
	}
	return r.err == nil
}

func (r *reader) leave() { r.depth-- }

// engine reads an engine, its modules with up to workers goroutines.
func (r *reader) engine(name string, workers int) Engine {
	en := Engine{Name: name}
	parts := r.directory()
	if r.err != nil {
		return en
	}
	modules, indexed := r.modules(parts, workers)
	if r.err != nil {
		return en
	}
	en.Indexed = make(map[*ast.Rule]bool, len(indexed))
	for _, rule := range indexed {
		en.Indexed[rule] = true
	}
	en.Modules = make(map[string]*ast.Module, len(parts))
	for i, p := range parts {
		en.Modules[p.name] = modules[i]
	}
	n := r.count()
	en.RewrittenVars = make(map[ast.Var]ast.Var, n)
	for range n {
		k := r.str()
		en.RewrittenVars[ast.Var(k)] = ast.Var(r.str())
	}
	return en
}

func (r *reader) module() *ast.Module {
	m := &ast.Module{Package: &ast.Package{}}
	m.Package.Path = r.ref()
	m.Package.Location = r.location()
	if n := r.optCount(); n >= 0 {
		m.Imports = make([]*ast.Import, n)
		for i := range n {
			imp := &ast.Import{Path: r.term()}
			imp.Alias = ast.Var(r.str())
			imp.Location = r.location()
			imp.AliasLocation = r.location()
			m.Imports[i] = imp
		}
	}
	if n := r.optCount(); n >= 0 {
		m.Rules = make([]*ast.Rule, n)
		for i := range n {
			rule := r.rule(m)
			if rule == nil {
				r.fail(errCorrupt)
				return m
			}
			m.Rules[i] = rule
		}
	}
	if n := r.optCount(); n >= 0 {
		m.Comments = make([]*ast.Comment, n)
		for i := range n {
			c := &ast.Comment{Location: r.location()}
			c.Text = r.text(c.Location)
			m.Comments[i] = c
		}
	}
	lo, hi := ast.RegoVersion(r.int()), ast.RegoVersion(r.int())
	span, err := ast.NewRegoVersionSpan(lo, hi)
	if err != nil {
		r.fail(errCorrupt)
	}
	m.SetRegoVersionSpan(span)
	return m
}

// rule reads a rule and its else chain; nil when there is none.
func (r *reader) rule(m *ast.Module) *ast.Rule {
	switch r.byte() {
	case tagNil:
		return nil
	case tagRule:
	default:
		r.fail(errCorrupt)
		return nil
	}
	if !r.enter() {
		return nil
	}
	defer r.leave()
	rule := &ast.Rule{Module: m, Location: r.location()}
	if r.bool() {
		r.indexed = append(r.indexed, rule)
	}
	rule.Default = r.bool()
	rule.Head = r.head()
	rule.Body = r.body()
	rule.Else = r.rule(m)
	return rule
}

func (r *reader) head() *ast.Head {
	h := &ast.Head{Name: ast.Var(r.str())}
	h.Reference = r.ref()
	h.Args = r.terms()
	h.Key = r.term()
	h.Value = r.term()
	h.Assign = r.bool()
	h.Location = r.location()
	return h
}

func (r *reader) body() ast.Body {
	n := r.optCount()
	if n < 0 {
		return nil
	}
	b := make(ast.Body, n)
	for i := range n {
		b[i] = r.expr()
	}
	return b
}

func (r *reader) expr() *ast.Expr {
	x := r.newExpr()
	if !r.enter() {
		return x
	}
	defer r.leave()
	x.Location = r.location()
	x.Index = r.int()
	x.Negated = r.bool()
	x.Generated = r.bool()
	if n := r.optCount(); n >= 0 {
		x.With = make([]*ast.With, n)
		for i := range n {
			w := &ast.With{Target: r.nonNilTerm()}
			w.Value = r.nonNilTerm()
			w.Location = r.location()
			x.With[i] = w
		}
	}
	switch r.byte() {
	case tagNil:
	case tagTerm:
		x.Terms = r.nonNilTerm()
	case tagTerms:
		x.Terms = r.nonNilTerms()
	case tagSome:
		d := &ast.SomeDecl{Symbols: r.nonNilTerms()}
		d.Location = r.location()
		x.Terms = d
	case tagEvery:
		ev := &ast.Every{Key: r.term(), Value: r.nonNilTerm(), Domain: r.nonNilTerm()}
		ev.Body = r.body()
		ev.Location = r.location()
		x.Terms = ev
	case tagNot:
		x.Terms = r.not()
	case tagAnd:
		a := &ast.LogicalAnd{Lhs: r.body(), Rhs: r.body()}
		a.ExplicitLhs, a.ExplicitRhs = r.bool(), r.bool()
		a.Location = r.location()
		x.Terms = a
	case tagOr:
		o := &ast.LogicalOr{Lhs: r.body(), Rhs: r.body()}
		o.ExplicitLhs, o.ExplicitRhs = r.bool(), r.bool()
		o.Location = r.location()
		x.Terms = o
	default:
		r.fail(errCorrupt)
	}
	return x
}

func (r *reader) not() *ast.Not {
	n := &ast.Not{Body: r.body()}
	n.ExplicitBody = r.bool()
	n.Location = r.location()
	return n
}

// terms reads a slice that may hold nil terms (a head's args never do,
// but nil is how OPA spells "absent").
func (r *reader) terms() []*ast.Term {
	n := r.optCount()
	if n < 0 {
		return nil
	}
	ts := make([]*ast.Term, n)
	for i := range n {
		ts[i] = r.term()
	}
	return ts
}

// nonNilTerms reads a slice whose every term OPA dereferences.
func (r *reader) nonNilTerms() []*ast.Term {
	ts := r.terms()
	for _, t := range ts {
		if t == nil {
			r.fail(errCorrupt)
			return nil
		}
	}
	return ts
}

// ref reads a reference; OPA indexes its head, so it is never empty.
func (r *reader) ref() ast.Ref {
	ts := r.nonNilTerms()
	if ts != nil && len(ts) == 0 {
		r.fail(errCorrupt)
	}
	return ast.Ref(ts)
}

func (r *reader) nonNilTerm() *ast.Term {
	t := r.term()
	if t == nil {
		r.fail(errCorrupt)
		return ast.NullTerm()
	}
	return t
}

func (r *reader) term() *ast.Term {
	switch r.byte() {
	case tagNil:
		return nil
	case tagTerm:
	default:
		r.fail(errCorrupt)
		return nil
	}
	t := r.newTerm()
	t.Location = r.location()
	if !r.enter() {
		t.Value = ast.NullValue
		return t
	}
	defer r.leave()
	t.Value = r.value()
	if r.err != nil {
		// Constructors hash their elements: keep what was read harmless.
		t.Value = ast.NullValue
	}
	return t
}

// value reads a term's value. Composite values are built only from
// elements read without error (OPA's constructors hash every element).
func (r *reader) value() ast.Value {
	switch r.byte() {
	case tagNull:
		return ast.NullValue
	case tagFalse:
		return ast.Boolean(false)
	case tagTrue:
		return ast.Boolean(true)
	case tagNumber:
		return ast.Number(r.str())
	case tagString:
		return ast.String(r.str())
	case tagVar:
		return ast.Var(r.str())
	case tagRef:
		ref := r.ref()
		if ref == nil {
			r.fail(errCorrupt)
		}
		return ref
	case tagArray:
		ts := r.elements()
		if r.err != nil {
			return ast.NullValue
		}
		return ast.NewArray(ts...)
	case tagSet:
		ts := r.elements()
		if r.err != nil {
			return ast.NullValue
		}
		return ast.NewSet(ts...)
	case tagObject:
		n := r.count()
		items := make([][2]*ast.Term, n)
		for i := range n {
			items[i] = ast.Item(r.nonNilTerm(), r.nonNilTerm())
		}
		if r.err != nil {
			return ast.NullValue
		}
		return ast.NewObject(items...)
	case tagArrayCompr:
		return &ast.ArrayComprehension{Term: r.nonNilTerm(), Body: r.body()}
	case tagSetCompr:
		return &ast.SetComprehension{Term: r.nonNilTerm(), Body: r.body()}
	case tagObjectCompr:
		return &ast.ObjectComprehension{Key: r.nonNilTerm(), Value: r.nonNilTerm(), Body: r.body()}
	case tagCall:
		ts := r.nonNilTerms()
		if len(ts) == 0 {
			r.fail(errCorrupt)
		}
		return ast.Call(ts)
	case tagTemplate:
		ts := &ast.TemplateString{MultiLine: r.bool()}
		n := r.count()
		ts.Parts = make([]ast.Node, n)
		for i := range n {
			switch r.byte() {
			case tagExpr:
				ts.Parts[i] = r.expr()
			case tagTerm:
				ts.Parts[i] = r.nonNilTerm()
			default:
				r.fail(errCorrupt)
				return ast.NullValue
			}
		}
		return ts
	case tagNot:
		return r.not()
	}
	r.fail(errCorrupt)
	return ast.NullValue
}

func (r *reader) elements() []*ast.Term {
	n := r.count()
	ts := make([]*ast.Term, n)
	for i := range n {
		ts[i] = r.nonNilTerm()
	}
	return ts
}

func (r *reader) location() *ast.Location {
	switch r.byte() {
	case tagNil:
		return nil
	case tagLocationRef:
		i := r.uint()
		if i >= uint64(len(r.locs)) {
			r.fail(errCorrupt)
			return nil
		}
		return r.locs[i]
	case tagLocation:
	default:
		r.fail(errCorrupt)
		return nil
	}
	loc := r.newLocation()
	r.locs = append(r.locs, loc)
	loc.File = r.str()
	loc.Row = r.int()
	loc.Col = r.int()
	loc.Offset = r.int()
	loc.Text = r.text(loc)
	if n := r.optCount(); n >= 0 {
		loc.Tabs = make([]int, n)
		for i := range n {
			loc.Tabs[i] = r.int()
		}
	}
	return loc
}

// text reads a text written by encoder.text, relative to loc.
func (r *reader) text(loc *ast.Location) []byte {
	switch r.byte() {
	case tagNil:
		return nil
	case tagTextRaw:
		return []byte(r.str())
	case tagTextSource:
		n := r.uint() // a length in the source, checked against it below
		if loc == nil || r.sources == nil {
			r.fail(errCorrupt)
			return nil
		}
		if r.src == nil || loc.File != r.file {
			src, ok := r.sources(loc.File)
			if !ok {
				r.fail(fmt.Errorf("snapshot: no source for %s", loc.File))
				return nil
			}
			r.file, r.src = loc.File, src
		}
		src := r.src
		if loc.Offset < 0 || loc.Offset > len(src) || n > uint64(len(src)-loc.Offset) {
			r.fail(errCorrupt)
			return nil
		}
		end := loc.Offset + int(n)
		return src[loc.Offset:end:end]
	}
	r.fail(errCorrupt)
	return nil
}
