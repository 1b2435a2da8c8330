package policy

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
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
func ToValue(x any) (ast.Value, error) {
	switch x.(type) {
	case ast.Value, nil, bool, json.Number, int, int64, uint64, float64, string,
		[]any, []string, map[string]any, map[string]string:
		// Converted by OPA without a round trip already (and with its
		// own rules for what they hold: a nil []string is [] there).
		return ast.InterfaceToValue(x)
	}
	return toValue(reflect.ValueOf(x))
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	jsonNumber    = reflect.TypeFor[json.Number]()
	astValue      = reflect.TypeFor[ast.Value]()
)

// roundTrip is OPA's own conversion, for what ToValue does not do itself.
func roundTrip(v reflect.Value) (ast.Value, error) {
	return ast.InterfaceToValue(v.Interface())
}

func encodesItself(t reflect.Type) bool {
	return t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)
}

func toValue(v reflect.Value) (ast.Value, error) {
	if !v.IsValid() {
		return ast.NullValue, nil
	}
	t := v.Type()
	if t == jsonNumber {
		return ast.InterfaceToValue(v.Interface())
	}
	if t.Implements(astValue) && t.Kind() != reflect.Interface {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return ast.NullValue, nil
		}
		return v.Interface().(ast.Value), nil
	}
	if encodesItself(t) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return ast.NullValue, nil
		}
		return roundTrip(v)
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return ast.NullValue, nil
		}
		return toValue(v.Elem())
	case reflect.Bool:
		return ast.Boolean(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return ast.Number(strconv.FormatInt(v.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return ast.Number(strconv.FormatUint(v.Uint(), 10)), nil
	case reflect.Float32, reflect.Float64:
		return roundTrip(v) // JSON's float formatting, and its error for NaN
	case reflect.String:
		return ast.String(validUTF8(v.String())), nil
	case reflect.Slice:
		if v.IsNil() {
			return ast.NullValue, nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return roundTrip(v) // base64, as encoding/json writes bytes
		}
		fallthrough
	case reflect.Array:
		terms := make([]*ast.Term, v.Len())
		for i := range terms {
			e, err := toValue(v.Index(i))
			if err != nil {
				return nil, err
			}
			terms[i] = ast.NewTerm(e)
		}
		return ast.NewArray(terms...), nil
	case reflect.Map:
		if v.IsNil() {
			return ast.NullValue, nil
		}
		if t.Key().Kind() != reflect.String || encodesItself(t.Key()) {
			return roundTrip(v)
		}
		obj := ast.NewObjectWithCapacity(v.Len())
		it := v.MapRange()
		for it.Next() {
			e, err := toValue(it.Value())
			if err != nil {
				return nil, err
			}
			obj.Insert(ast.StringTerm(validUTF8(it.Key().String())), ast.NewTerm(e))
		}
		return obj, nil
	case reflect.Struct:
		fields, ok := structFields(t)
		if !ok {
			return roundTrip(v)
		}
		obj := ast.NewObjectWithCapacity(len(fields))
		for _, f := range fields {
			fv := v.Field(f.index)
			if f.omitEmpty && isEmpty(fv) {
				continue
			}
			e, err := toValue(fv)
			if err != nil {
				return nil, err
			}
			obj.Insert(ast.StringTerm(f.name), ast.NewTerm(e))
		}
		return obj, nil
	}
	return roundTrip(v) // channels, functions: json's error
}

type field struct {
	name      string
	index     int
	omitEmpty bool
}

// fieldsByType caches each struct type's JSON fields; ok is false for a
// struct that needs encoding/json's own rules (embedded fields, ",string").
var fieldsByType sync.Map // reflect.Type → fieldList

type fieldList struct {
	fields []field
	ok     bool
}

func structFields(t reflect.Type) ([]field, bool) {
	if l, ok := fieldsByType.Load(t); ok {
		return l.(fieldList).fields, l.(fieldList).ok
	}
	l := fieldList{ok: true}
	names := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous {
			l = fieldList{}
			break
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
			l = fieldList{} // encoding/json's rules for clashing names
			break
		}
		names[name] = true
		f := field{name: name, index: i}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty":
				f.omitEmpty = true
			case "string", "omitzero":
				l = fieldList{}
			}
		}
		if !l.ok {
			break
		}
		l.fields = append(l.fields, f)
	}
	fieldsByType.Store(t, l)
	return l.fields, l.ok
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
