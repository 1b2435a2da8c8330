package policy

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ToValue converts a Go value into the Rego value OPA would make of it,
// without OPA's JSON round trip (rego.EvalInput marshals a struct to JSON
// and parses it back): the same value as encoding/json then
// ast.InterfaceToValue, field names, omitempty and "-" tags, numbers as
// their JSON text and invalid UTF-8 as U+FFFD included. Types that encode
// themselves (json.Marshaler, encoding.TextMarshaler), embedded structs and
// the ",string" option take the round trip, so the result never differs;
// TestToValueMatchesRoundTrip holds the two together on every example.
//
// It runs once per script of a run, so the reflection is paid once per Go
// type: each type gets an encoder (encoderFor) that knows its fields, their
// key terms and their own encoders, and the terms of one conversion come
// from a few blocks rather than one allocation each.
func ToValue(x any) (ast.Value, error) {
	switch x.(type) {
	case ast.Value, nil, bool, json.Number, int, int64, uint64, float64, string,
		[]any, []string, map[string]any, map[string]string:
		// Converted by OPA without a round trip already (and with its
		// own rules for what they hold: a nil []string is [] there).
		return ast.InterfaceToValue(x)
	}
	v := reflect.ValueOf(x)
	var c converter
	t, err := encoderFor(v.Type())(&c, v)
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	jsonNumber    = reflect.TypeFor[json.Number]()
	astValue      = reflect.TypeFor[ast.Value]()
)

// converter is the state of one ToValue call.
type converter struct {
	// terms is the unused rest of the block new terms are taken from: a
	// converted input is hundreds of terms that live and die together.
	terms []ast.Term
}

// termBlock is how many terms a converter allocates at once.
const termBlock = 256

func (c *converter) term(v ast.Value) *ast.Term {
	if len(c.terms) == 0 {
		c.terms = make([]ast.Term, termBlock)
	}
	t := &c.terms[0]
	c.terms = c.terms[1:]
	t.Value = v
	return t
}

func (c *converter) string(s string) *ast.Term {
	if s == "" {
		return ast.InternedEmptyString
	}
	return c.term(ast.String(validUTF8(s)))
}

func (c *converter) int(i int64) *ast.Term {
	if i >= 0 && i <= int64(maxInternedInt) {
		return ast.InternedTerm(int(i))
	}
	return c.term(ast.Number(strconv.FormatInt(i, 10)))
}

// maxInternedInt bounds the ints asked of OPA's interned terms (it interns
// the small ones, line numbers and columns among them).
const maxInternedInt = 512

// encodeFunc converts one value of the type it was made for.
type encodeFunc func(c *converter, v reflect.Value) (*ast.Term, error)

// encoders caches each type's encodeFunc for the life of the process.
var encoders sync.Map // reflect.Type → encodeFunc

// encoderFor returns t's encoder, making it once. A recursive type finds
// its own encoder under construction: it gets a stand-in that waits for the
// real one (as encoding/json does).
func encoderFor(t reflect.Type) encodeFunc {
	if f, ok := encoders.Load(t); ok {
		return f.(encodeFunc)
	}
	var (
		wg sync.WaitGroup
		f  encodeFunc
	)
	wg.Add(1)
	standIn := encodeFunc(func(c *converter, v reflect.Value) (*ast.Term, error) {
		wg.Wait()
		return f(c, v)
	})
	if got, loaded := encoders.LoadOrStore(t, standIn); loaded {
		return got.(encodeFunc)
	}
	f = newEncoder(t)
	wg.Done()
	encoders.Store(t, f)
	return f
}

// roundTrip is OPA's own conversion, for what ToValue does not do itself.
func roundTrip(c *converter, v reflect.Value) (*ast.Term, error) {
	x, err := ast.InterfaceToValue(v.Interface())
	if err != nil {
		return nil, err
	}
	return c.term(x), nil
}

func encodesItself(t reflect.Type) bool {
	return t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)
}

// nilIsNull makes a nil pointer null before enc sees it.
func nilIsNull(enc encodeFunc) encodeFunc {
	return func(c *converter, v reflect.Value) (*ast.Term, error) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		return enc(c, v)
	}
}

func newEncoder(t reflect.Type) encodeFunc {
	if t == jsonNumber {
		return roundTrip
	}
	if t.Implements(astValue) && t.Kind() != reflect.Interface {
		return nilIsNull(func(c *converter, v reflect.Value) (*ast.Term, error) {
			return c.term(v.Interface().(ast.Value)), nil
		})
	}
	if encodesItself(t) {
		return nilIsNull(roundTrip)
	}
	switch t.Kind() {
	case reflect.Interface:
		return encodeInterface
	case reflect.Pointer:
		elem := encoderFor(t.Elem())
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			if v.IsNil() {
				return ast.InternedNullTerm, nil
			}
			return elem(c, v.Elem())
		}
	case reflect.Bool:
		return func(_ *converter, v reflect.Value) (*ast.Term, error) {
			return ast.InternedTerm(v.Bool()), nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			return c.int(v.Int()), nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			return c.term(ast.Number(strconv.FormatUint(v.Uint(), 10))), nil
		}
	case reflect.Float32, reflect.Float64:
		return roundTrip // JSON's float formatting, and its error for NaN
	case reflect.String:
		return func(c *converter, v reflect.Value) (*ast.Term, error) {
			return c.string(v.String()), nil
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return nilIsNull(roundTrip) // base64, as encoding/json writes bytes
		}
		return sliceEncoder(t)
	case reflect.Array:
		return sliceEncoder(t)
	case reflect.Map:
		if t.Key().Kind() != reflect.String || encodesItself(t.Key()) {
			return func(c *converter, v reflect.Value) (*ast.Term, error) {
				if v.IsNil() {
					return ast.InternedNullTerm, nil
				}
				return roundTrip(c, v)
			}
		}
		return mapEncoder(t)
	case reflect.Struct:
		return structEncoder(t)
	}
	return roundTrip // channels, functions: json's error
}

// encodeInterface converts what an interface holds, the model's usual
// dynamic values without a look-up of their encoder.
func encodeInterface(c *converter, v reflect.Value) (*ast.Term, error) {
	if v.IsNil() {
		return ast.InternedNullTerm, nil
	}
	switch x := v.Interface().(type) {
	case string:
		return c.string(x), nil
	case bool:
		return ast.InternedTerm(x), nil
	case int:
		return c.int(int64(x)), nil
	}
	e := v.Elem()
	return encoderFor(e.Type())(c, e)
}

func sliceEncoder(t reflect.Type) encodeFunc {
	enc := encoderFor(t.Elem())
	isSlice := t.Kind() == reflect.Slice
	return func(c *converter, v reflect.Value) (*ast.Term, error) {
		if isSlice && v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		n := v.Len()
		if n == 0 {
			return c.term(ast.NewArray()), nil
		}
		terms := make([]*ast.Term, n)
		for i := range terms {
			e, err := enc(c, v.Index(i))
			if err != nil {
				return nil, err
			}
			terms[i] = e
		}
		return c.term(ast.NewArray(terms...)), nil
	}
}

func mapEncoder(t reflect.Type) encodeFunc {
	enc := encoderFor(t.Elem())
	return func(c *converter, v reflect.Value) (*ast.Term, error) {
		if v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		pairs := make([][2]*ast.Term, 0, v.Len())
		it := v.MapRange()
		for it.Next() {
			e, err := enc(c, it.Value())
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, [2]*ast.Term{c.string(it.Key().String()), e})
		}
		return c.term(ast.NewObject(pairs...)), nil
	}
}

// field is one JSON field of a struct type.
type field struct {
	key       *ast.Term // shared by every object of the type: never modified
	index     int
	omitEmpty bool
	typ       reflect.Type
}

// maxStackFields is the widest struct whose key-value pairs are gathered
// on the stack.
const maxStackFields = 32

func structEncoder(t reflect.Type) encodeFunc {
	fields, ok := structFields(t)
	if !ok {
		return roundTrip
	}
	if isSmallIntTuple(fields) {
		return tupleEncoder(fields)
	}
	// A field's type may be the struct itself: encoderFor then hands out
	// the stand-in of the encoder being made.
	encs := make([]encodeFunc, len(fields))
	for i, f := range fields {
		encs[i] = encoderFor(f.typ)
	}
	return func(c *converter, v reflect.Value) (*ast.Term, error) {
		var buf [maxStackFields][2]*ast.Term
		pairs := buf[:0]
		if len(fields) > maxStackFields {
			pairs = make([][2]*ast.Term, 0, len(fields))
		}
		for i, f := range fields {
			fv := v.Field(f.index)
			if f.omitEmpty && isEmpty(fv) {
				continue
			}
			e, err := encs[i](c, fv)
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, [2]*ast.Term{f.key, e})
		}
		return c.term(ast.NewObject(pairs...)), nil
	}
}

// maxTupleFields is the widest struct of ints that tupleEncoder shares.
const maxTupleFields = 4

// maxSharedTuples bounds the objects one tupleEncoder keeps.
const maxSharedTuples = 1 << 14

// isSmallIntTuple reports a struct of a few signed ints, none omitted when
// zero: a span, whose object a run meets again and again.
func isSmallIntTuple(fields []field) bool {
	if len(fields) == 0 || len(fields) > maxTupleFields {
		return false
	}
	for _, f := range fields {
		switch f.typ.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		default:
			return false
		}
		if f.omitEmpty {
			return false
		}
	}
	return true
}

// tupleEncoder converts a small struct of ints (isSmallIntTuple) to an
// object that every equal value shares: the scripts of a run repeat their
// spans (one layout, one template), and each object is a map and three
// slices that OPA never modifies once made.
func tupleEncoder(fields []field) encodeFunc {
	var (
		shared sync.Map // [maxTupleFields]int64 → *ast.Term
		n      atomic.Int64
	)
	return func(_ *converter, v reflect.Value) (*ast.Term, error) {
		var key [maxTupleFields]int64
		for i, f := range fields {
			key[i] = v.Field(f.index).Int()
		}
		if t, ok := shared.Load(key); ok {
			return t.(*ast.Term), nil
		}
		// Terms of their own, not the converter's: a shared object
		// outlives the conversion, and would keep its block alive.
		var buf [maxTupleFields][2]*ast.Term
		for i, f := range fields {
			num := ast.NewTerm(ast.Number(strconv.FormatInt(key[i], 10)))
			if key[i] >= 0 && key[i] <= maxInternedInt {
				num = ast.InternedTerm(int(key[i]))
			}
			buf[i] = [2]*ast.Term{f.key, num}
		}
		t := ast.NewTerm(ast.NewObject(buf[:len(fields)]...))
		if n.Load() < maxSharedTuples {
			if _, loaded := shared.LoadOrStore(key, t); !loaded {
				n.Add(1)
			}
		}
		return t, nil
	}
}

// structFields lists a struct type's JSON fields; ok is false for a struct
// that needs encoding/json's own rules (embedded fields, ",string").
func structFields(t reflect.Type) (fields []field, ok bool) {
	names := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous {
			return nil, false
		}
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		if names[name] {
			return nil, false // encoding/json's rules for clashing names
		}
		names[name] = true
		f := field{key: ast.InternedTerm(name), index: i, typ: sf.Type}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty":
				f.omitEmpty = true
			case "string", "omitzero":
				return nil, false
			}
		}
		fields = append(fields, f)
	}
	return fields, true
}

// isEmpty is encoding/json's omitempty test.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// validUTF8 replaces each byte that is not UTF-8 with U+FFFD, as
// encoding/json does.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
