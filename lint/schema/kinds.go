package schema

import (
	"sync"
	"sync/atomic"
)

// wholeKinds says, for each field of a fieldSet, which kinds of value it
// accepts whatever the value: a field that is plain `string` (a resource
// group name, a certificate file name), `bool` (a switch) or `_`. The
// values the scripts of a run do not share are mostly such names, built
// from the base name and the FQDN; answering for them with a type switch
// rather than a CUE unification is a third of validating a regional
// script. Fields with any constraint beyond the kind still go to CUE.
type wholeKinds struct {
	// uses counts the validations against the fieldSet: asking CUE which
	// fields accept a whole kind costs about what it saves on one script,
	// so the first validation (all of a one-script run) goes without.
	uses   atomic.Int64
	once   sync.Once
	fields map[string]kindSet
}

// worthIt reports whether a validation against fs should look for fields
// that accept a whole kind (not on the first one).
func (w *wholeKinds) worthIt() bool {
	return w.uses.Add(1) > 1
}

// kindSet is the kinds a field accepts in full.
type kindSet struct{ strings, bools bool }

// acceptsWhole reports whether field n of fs accepts v because it accepts
// every value of v's kind. False means "ask CUE", not "fails".
func (s *Schema) acceptsWhole(fs *fieldSet, n string, v any) bool {
	fs.whole.once.Do(func() { fs.whole.fields = s.wholeKindsOf(fs) })
	k := fs.whole.fields[n]
	switch v.(type) {
	case string:
		return k.strings
	case bool:
		return k.bools
	}
	return false
}

// wholeKindsOf asks CUE once per field whether the field subsumes the
// kind: whether every string (every boolean) is an instance of it.
func (s *Schema) wholeKindsOf(fs *fieldSet) map[string]kindSet {
	anyString, anyBool := s.ctx.CompileString("string"), s.ctx.CompileString("bool")
	out := make(map[string]kindSet, len(fs.fields))
	for n, f := range fs.fields {
		k := kindSet{
			strings: f.value.Subsume(anyString) == nil,
			bools:   f.value.Subsume(anyBool) == nil,
		}
		if k.strings || k.bools {
			out[n] = k
		}
	}
	return out
}
