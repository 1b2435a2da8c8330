package facts

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	cueerrors "cuelang.org/go/cue/errors"

	"github.com/pxlint/pxlint/schemas"
)

// cueSchema is one of this package's schema files compiled on its own, so
// it does not depend on the other schemas of package pxlint.
type cueSchema struct {
	once sync.Once
	mu   sync.Mutex // a CUE context is not safe for concurrent use
	file string
	ctx  *cue.Context
	root cue.Value
	err  error
	// compiled caches the schemas of expressions such as "[...#X]" (under mu).
	compiled map[string]cue.Value
}

var (
	factsSchema     = &cueSchema{file: "facts.cue"}
	inventorySchema = &cueSchema{file: "inventory.cue"}
)

func (s *cueSchema) load() error {
	s.once.Do(func() {
		src, err := fs.ReadFile(schemas.FS, s.file)
		if err != nil {
			s.err = err
			return
		}
		s.ctx = cuecontext.New()
		s.root = s.ctx.CompileBytes(src, cue.Filename("schemas/"+s.file))
		s.err = s.root.Err()
	})
	return s.err
}

// validate checks a generic JSON value against definition def (e.g.
// "#Facts") and returns nil or the first problem as "path: message", the
// path in dotted form with list indexes in brackets ("modules[0].version").
// prefix is prepended to the path of the value (for list elements).
func (s *cueSchema) validate(def string, v any, prefix []string) error {
	if err := s.load(); err != nil {
		return fmt.Errorf("internal error: schema %s: %w", s.file, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var schema cue.Value
	if strings.HasPrefix(def, "#") {
		schema = s.root.LookupPath(cue.ParsePath(def))
	} else {
		// An expression over the file's definitions, e.g. "[...#X]".
		var ok bool
		if schema, ok = s.compiled[def]; !ok {
			schema = s.ctx.CompileString(def, cue.Scope(s.root), cue.InferBuiltins(true))
			if s.compiled == nil {
				s.compiled = map[string]cue.Value{}
			}
			s.compiled[def] = schema
		}
	}
	if !schema.Exists() || schema.Err() != nil {
		return fmt.Errorf("internal error: schema %s has no %s", s.file, def)
	}
	data := s.ctx.Encode(v)
	err := schema.Unify(data).Validate(cue.Concrete(true))
	if err == nil {
		return nil
	}
	errs := cueerrors.Errors(err)
	// Report the first problem in document order: errors of one disjunction
	// share a path, and the shortest path names the outermost field.
	sort.SliceStable(errs, func(i, j int) bool { return pathLess(errs[i].Path(), errs[j].Path()) })
	e := errs[0]
	path := e.Path()
	if len(path) > 0 && path[0] == def {
		path = path[1:]
	}
	return &fieldError{Path: append(append([]string(nil), prefix...), path...), Msg: s.explain(schema, path, e)}
}

// listChunk is how many list elements one CUE evaluation checks. CUE's
// cost for one list literal grows with the square of its length (each
// element's arc is found by a linear search), so a long list is checked in
// chunks of this size: the total cost stays linear in the number of
// elements, and a chunk is large enough that per-evaluation overhead does
// not dominate.
const listChunk = 256

// validateList checks every element of list against definition elemDef
// (e.g. "#FactsModule") in chunks of listChunk, and reports the first
// problem with the element's index in the whole list, after prefix
// ("modules[1234].version").
func (s *cueSchema) validateList(elemDef string, list []any, prefix []string) error {
	for start := 0; start < len(list); start += listChunk {
		end := min(start+listChunk, len(list))
		err := s.validate("[...#"+elemDef+"]", list[start:end], prefix)
		if err == nil {
			continue
		}
		var fe *fieldError
		if errors.As(err, &fe) && len(fe.Path) > len(prefix) {
			if j, convErr := strconv.Atoi(fe.Path[len(prefix)]); convErr == nil {
				fe.Path[len(prefix)] = strconv.Itoa(start + j)
			}
		}
		return err
	}
	return nil
}

// pathLess orders paths element by element, list indexes numerically.
func pathLess(a, b []string) bool {
	for k := 0; k < len(a) && k < len(b); k++ {
		if a[k] == b[k] {
			continue
		}
		x, errX := strconv.Atoi(a[k])
		y, errY := strconv.Atoi(b[k])
		if errX == nil && errY == nil {
			return x < y
		}
		return a[k] < b[k]
	}
	return len(a) < len(b)
}

// explain words a CUE error for a user: the field's @expect text when the
// schema has one, else a short form of CUE's own message.
func (s *cueSchema) explain(schema cue.Value, path []string, e cueerrors.Error) string {
	format, args := e.Msg()
	msg := fmt.Sprintf(format, args...)
	if strings.Contains(msg, "field not allowed") {
		return "unknown field"
	}
	if strings.Contains(msg, "incomplete value") || strings.Contains(msg, "field is required") {
		return "missing"
	}
	if field := lookupSchemaField(schema, path); field.Exists() {
		if a := field.Attribute("expect"); a.Err() == nil {
			if want, err := a.String(0); err == nil {
				return "must be " + want
			}
		}
	}
	if len(path) == 0 {
		return "must be a JSON object"
	}
	return msg
}

// lookupSchemaField finds the schema of a data path: list indexes become
// "any element" and fields may be optional in the schema.
func lookupSchemaField(v cue.Value, path []string) cue.Value {
	for _, p := range path {
		if _, err := strconv.Atoi(p); err == nil {
			v = v.LookupPath(cue.MakePath(cue.AnyIndex))
			continue
		}
		next := v.LookupPath(cue.MakePath(cue.Str(p)))
		if !next.Exists() {
			next = v.LookupPath(cue.MakePath(cue.Str(p).Optional()))
		}
		v = next
	}
	return v
}

// fieldError is a schema violation at a path of the document.
type fieldError struct {
	Path []string
	Msg  string
}

func (e *fieldError) Error() string {
	var b strings.Builder
	for _, p := range e.Path {
		if _, err := strconv.Atoi(p); err == nil {
			b.WriteString("[" + p + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	if b.Len() == 0 {
		return e.Msg
	}
	return b.String() + ": " + e.Msg
}
