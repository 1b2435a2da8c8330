package snapshot

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Encode writes the engines' compiled modules. It fails on any node it
// does not know (see the package comment) and on METADATA annotations,
// which evaluation does not use and the generator does not parse.
// The output depends only on its input: modules, objects and sets are
// written in a fixed order.
func Encode(h Header, engines []Engine, sources Sources) ([]byte, error) {
	e := &encoder{strs: map[string]int{}, sources: sources}
	type span struct{ start, end int }
	spans := make([]span, len(engines))
	for i, en := range engines {
		spans[i].start = len(e.buf)
		e.engine(en)
		spans[i].end = len(e.buf)
		if e.err != nil {
			return nil, fmt.Errorf("snapshot: engine %s: %w", en.Name, e.err)
		}
	}
	body := e.buf
	names := make([]int, len(engines))
	for i, en := range engines {
		names[i] = e.intern(en.Name)
	}

	var payload []byte
	payload = binary.AppendUvarint(payload, uint64(len(e.table)))
	for _, s := range e.table {
		payload = binary.AppendUvarint(payload, uint64(len(s)))
		payload = append(payload, s...)
	}
	payload = binary.AppendUvarint(payload, uint64(len(engines)))
	for i := range engines {
		payload = binary.AppendUvarint(payload, uint64(names[i]))
		payload = binary.AppendUvarint(payload, uint64(spans[i].start))
		payload = binary.AppendUvarint(payload, uint64(spans[i].end-spans[i].start))
	}
	payload = binary.AppendUvarint(payload, uint64(len(body)))
	payload = append(payload, body...)

	return seal(h, payload), nil
}

// seal puts the magic, the header and the payload's checksum before it.
func seal(h Header, payload []byte) []byte {
	out := []byte(magic)
	out = binary.AppendUvarint(out, formatVersion)
	out = appendString(out, h.OPAVersion)
	out = appendString(out, h.SourceHash)
	out = binary.LittleEndian.AppendUint64(out, checksum(string(payload)))
	return append(out, payload...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

type encoder struct {
	buf     []byte
	strs    map[string]int
	table   []string
	sources Sources
	// indexed are the engine's Indexed rules.
	indexed map[*ast.Rule]bool
	// locs numbers the locations of the module being written, by value.
	locs map[locationKey]int
	err  error
}

type locationKey struct {
	file             string
	row, col, offset int
	text, tabs       string
}

func (e *encoder) fail(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf(format, args...)
	}
}

func (e *encoder) byte(b byte) { e.buf = append(e.buf, b) }

func (e *encoder) bool(b bool) {
	if b {
		e.byte(1)
	} else {
		e.byte(0)
	}
}

// len writes a length; count writes a slice's length plus one, zero
// standing for a nil slice (printing tells nil from empty in places).
func (e *encoder) len(n int) { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }

func (e *encoder) count(n int, isNil bool) {
	if isNil {
		e.len(0)
		return
	}
	e.len(n + 1)
}

func (e *encoder) int(n int) { e.buf = binary.AppendVarint(e.buf, int64(n)) }

func (e *encoder) intern(s string) int {
	i, ok := e.strs[s]
	if !ok {
		i = len(e.table)
		e.strs[s] = i
		e.table = append(e.table, s)
	}
	return i
}

func (e *encoder) str(s string) { e.len(e.intern(s)) }

func (e *encoder) engine(en Engine) {
	names := make([]string, 0, len(en.Modules))
	for name := range en.Modules {
		names = append(names, name)
	}
	sort.Strings(names)
	e.indexed = en.Indexed
	// Each module is written alone, its locations numbered afresh, after
	// a directory of names and sizes: the decoder reads modules in
	// parallel.
	bodies := make([][]byte, len(names))
	outer := e.buf
	for i, name := range names {
		e.buf, e.locs = nil, map[locationKey]int{}
		e.module(en.Modules[name])
		bodies[i] = e.buf
	}
	e.buf = outer
	e.len(len(names))
	for i, name := range names {
		e.str(name)
		e.len(len(bodies[i]))
	}
	for _, b := range bodies {
		e.buf = append(e.buf, b...)
	}
	vars := make([]ast.Var, 0, len(en.RewrittenVars))
	for v := range en.RewrittenVars {
		vars = append(vars, v)
	}
	slices.Sort(vars)
	e.len(len(vars))
	for _, v := range vars {
		e.str(string(v))
		e.str(string(en.RewrittenVars[v]))
	}
}

func (e *encoder) module(m *ast.Module) {
	if m == nil || m.Package == nil {
		e.fail("module without a package")
		return
	}
	if len(m.Annotations) > 0 {
		e.fail("%s: METADATA annotations are not encoded", m.Package.Location)
		return
	}
	e.terms(m.Package.Path)
	e.location(m.Package.Location)
	e.count(len(m.Imports), m.Imports == nil)
	for _, imp := range m.Imports {
		e.term(imp.Path)
		e.str(string(imp.Alias))
		e.location(imp.Location)
		e.location(imp.AliasLocation)
	}
	e.count(len(m.Rules), m.Rules == nil)
	for _, r := range m.Rules {
		e.rule(r)
	}
	e.count(len(m.Comments), m.Comments == nil)
	for _, c := range m.Comments {
		e.location(c.Location)
		e.text(c.Text, c.Location)
	}
	span := m.RegoVersionSpan()
	e.int(int(span.Min()))
	e.int(int(span.Max()))
}

func (e *encoder) rule(r *ast.Rule) {
	if r == nil {
		e.byte(tagNil)
		return
	}
	if len(r.Annotations) > 0 {
		e.fail("%s: METADATA annotations are not encoded", r.Location)
		return
	}
	e.byte(tagRule)
	e.location(r.Location)
	e.bool(e.indexed[r])
	e.bool(r.Default)
	e.head(r.Head)
	e.body(r.Body)
	e.rule(r.Else)
}

func (e *encoder) head(h *ast.Head) {
	if h == nil {
		e.fail("rule without a head")
		return
	}
	e.str(string(h.Name))
	e.terms(h.Reference)
	e.terms(h.Args)
	e.term(h.Key)
	e.term(h.Value)
	e.bool(h.Assign)
	e.location(h.Location)
}

func (e *encoder) body(b ast.Body) {
	e.count(len(b), b == nil)
	for _, x := range b {
		e.expr(x)
	}
}

func (e *encoder) expr(x *ast.Expr) {
	if x == nil {
		e.fail("nil expression in a body")
		return
	}
	e.location(x.Location)
	e.int(x.Index)
	e.bool(x.Negated)
	e.bool(x.Generated)
	e.count(len(x.With), x.With == nil)
	for _, w := range x.With {
		e.term(w.Target)
		e.term(w.Value)
		e.location(w.Location)
	}
	switch t := x.Terms.(type) {
	case nil:
		e.byte(tagNil)
	case *ast.Term:
		e.byte(tagTerm)
		e.term(t)
	case []*ast.Term:
		e.byte(tagTerms)
		e.terms(t)
	case *ast.SomeDecl:
		e.byte(tagSome)
		e.terms(t.Symbols)
		e.location(t.Location)
	case *ast.Every:
		e.byte(tagEvery)
		e.term(t.Key)
		e.term(t.Value)
		e.term(t.Domain)
		e.body(t.Body)
		e.location(t.Location)
	case *ast.Not:
		e.byte(tagNot)
		e.not(t)
	case *ast.LogicalAnd:
		e.byte(tagAnd)
		e.body(t.Lhs)
		e.body(t.Rhs)
		e.bool(t.ExplicitLhs)
		e.bool(t.ExplicitRhs)
		e.location(t.Location)
	case *ast.LogicalOr:
		e.byte(tagOr)
		e.body(t.Lhs)
		e.body(t.Rhs)
		e.bool(t.ExplicitLhs)
		e.bool(t.ExplicitRhs)
		e.location(t.Location)
	default:
		e.fail("%s: unknown expression terms %T", x.Location, x.Terms)
	}
}

func (e *encoder) not(n *ast.Not) {
	e.body(n.Body)
	e.bool(n.ExplicitBody)
	e.location(n.Location)
}

func (e *encoder) terms(ts []*ast.Term) {
	e.count(len(ts), ts == nil)
	for _, t := range ts {
		e.term(t)
	}
}

func (e *encoder) term(t *ast.Term) {
	if t == nil {
		e.byte(tagNil)
		return
	}
	e.byte(tagTerm)
	e.location(t.Location)
	e.value(t.Value, t.Location)
}

func (e *encoder) value(v ast.Value, loc *ast.Location) {
	switch v := v.(type) {
	case ast.Null:
		e.byte(tagNull)
	case ast.Boolean:
		if v {
			e.byte(tagTrue)
		} else {
			e.byte(tagFalse)
		}
	case ast.Number:
		e.byte(tagNumber)
		e.str(string(v))
	case ast.String:
		e.byte(tagString)
		e.str(string(v))
	case ast.Var:
		e.byte(tagVar)
		e.str(string(v))
	case ast.Ref:
		e.byte(tagRef)
		e.terms(v)
	case *ast.Array:
		e.byte(tagArray)
		e.len(v.Len())
		v.Foreach(e.term)
	case ast.Set:
		e.byte(tagSet)
		e.len(v.Len())
		v.Foreach(e.term)
	case ast.Object:
		e.byte(tagObject)
		e.len(v.Len())
		v.Foreach(func(k, x *ast.Term) {
			e.term(k)
			e.term(x)
		})
	case *ast.ArrayComprehension:
		e.byte(tagArrayCompr)
		e.term(v.Term)
		e.body(v.Body)
	case *ast.SetComprehension:
		e.byte(tagSetCompr)
		e.term(v.Term)
		e.body(v.Body)
	case *ast.ObjectComprehension:
		e.byte(tagObjectCompr)
		e.term(v.Key)
		e.term(v.Value)
		e.body(v.Body)
	case ast.Call:
		e.byte(tagCall)
		e.terms(v)
	case *ast.TemplateString:
		e.byte(tagTemplate)
		e.bool(v.MultiLine)
		e.len(len(v.Parts))
		for _, p := range v.Parts {
			switch p := p.(type) {
			case *ast.Expr:
				e.byte(tagExpr)
				e.expr(p)
			case *ast.Term:
				e.byte(tagTerm)
				e.term(p)
			default:
				e.fail("%s: unknown template string part %T", loc, p)
			}
		}
	case *ast.Not:
		e.byte(tagNot)
		e.not(v)
	default:
		e.fail("%s: unknown value %T", loc, v)
	}
}

// location writes a location; its text as a range of the file's source
// when it is one (nearly always: the parser slices it from there).
func (e *encoder) location(loc *ast.Location) {
	if loc == nil {
		e.byte(tagNil)
		return
	}
	key := locationKey{file: loc.File, row: loc.Row, col: loc.Col, offset: loc.Offset, text: string(loc.Text), tabs: fmt.Sprint(loc.Tabs)}
	if loc.Text == nil {
		key.text = "\x00nil"
	}
	if loc.Tabs == nil {
		key.tabs = "nil"
	}
	if i, ok := e.locs[key]; ok {
		e.byte(tagLocationRef)
		e.len(i)
		return
	}
	e.locs[key] = len(e.locs)
	e.byte(tagLocation)
	e.str(loc.File)
	e.int(loc.Row)
	e.int(loc.Col)
	e.int(loc.Offset)
	e.text(loc.Text, loc)
	e.count(len(loc.Tabs), loc.Tabs == nil)
	for _, t := range loc.Tabs {
		e.int(t)
	}
}

// text writes a location's or comment's text: a range of the source file
// at the location's offset when it is one, else the bytes themselves.
func (e *encoder) text(text []byte, loc *ast.Location) {
	if text == nil {
		e.byte(tagNil)
		return
	}
	if loc != nil && e.sources != nil {
		if src, ok := e.sources(loc.File); ok {
			start, end := loc.Offset, loc.Offset+len(text)
			if start >= 0 && end <= len(src) && bytes.Equal(src[start:end], text) {
				e.byte(tagTextSource)
				e.len(len(text))
				return
			}
		}
	}
	e.byte(tagTextRaw)
	e.str(string(text))
}
