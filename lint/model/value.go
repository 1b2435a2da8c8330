package model

import (
	"strings"

	"github.com/pxlint/pxlint/lint/ps"
)

// value is the evaluator's view of a PowerShell value: a known value of one
// of the policy-input kinds, an unknown value with the reason, or a secret
// described but never held.
type value struct {
	kind string // a Kind* constant
	// v holds known values: string, bool, int64, float64, nil, []any or
	// map[string]any (the JSON shape of the policy input).
	v any
	// quote is how a string literal was written ("double", "single", ...).
	quote string
	// reason says why the value is unknown.
	reason string
	// secret describes a secret value (kind secret); the value itself is
	// never stored.
	secret *Secret
	// elems holds the provenance of each array element (len(elems) ==
	// len(v.([]any))); origin that of a scalar when it becomes an element
	// elsewhere (`@(...) + $PxMgmtSrcAddrPrefixes` keeps the span where the
	// element was written).
	elems  []Element
	origin *Element
	// entries keeps hashtable entries in written order (for splatting).
	entries []hashEntry
	// from names the variable the value was just read from; elements
	// spliced from it elsewhere record it (Element.From).
	from string
}

// hashEntry is one key of a hashtable value.
type hashEntry struct {
	key string
	val value
	// span and text are those of the entry's value expression.
	span ps.Span
	text string
	// flow is what the value came from: splatting it into a secret
	// parameter makes its literals secret (flow.go).
	flow *flowNode
}

func unknown(reason string) value { return value{kind: KindUnknown, reason: reason} }

func known(v any) value {
	switch x := v.(type) {
	case nil:
		return value{kind: KindNull}
	case string:
		return value{kind: KindString, v: x}
	case bool:
		return value{kind: KindBool, v: x}
	case int64, float64:
		return value{kind: KindNumber, v: x}
	}
	return unknown("value of an unsupported type")
}

func (v value) isKnown() bool { return v.kind != KindUnknown && v.kind != KindSecret }

// arrayOf builds an array value from elements with their provenance.
func arrayOf(elems []Element) value {
	vals := make([]any, len(elems))
	for i, e := range elems {
		vals[i] = e.Value
	}
	return value{kind: KindArray, v: vals, elems: elems}
}

// hashtableOf builds a hashtable value. Entries whose values are not known
// (or secret) map to null in the JSON view.
func hashtableOf(entries []hashEntry) value {
	m := make(map[string]any, len(entries))
	for _, e := range entries {
		if e.val.isKnown() {
			m[e.key] = e.val.v
		} else {
			m[e.key] = nil
		}
	}
	return value{kind: KindHashtable, v: m, entries: entries}
}

// psString converts a known value to the string PowerShell produces when it
// expands it in a string or joins it: arrays are joined with spaces ($OFS),
// $null is empty, booleans are True/False. ok is false for values whose
// string form needs execution (unknown, secret).
func psString(v value) (string, bool) {
	switch v.kind {
	case KindString:
		return v.v.(string), true
	case KindNull:
		return "", true
	case KindBool:
		if v.v.(bool) {
			return "True", true
		}
		return "False", true
	case KindNumber:
		return formatNumber(v.v), true
	case KindHashtable:
		return "System.Collections.Hashtable", true
	case KindArray:
		if hasUnknownElement(v) {
			return "", false
		}
		var b strings.Builder
		for i, e := range v.v.([]any) {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(anyString(e))
		}
		return b.String(), true
	}
	return "", false
}

// hasUnknownElement reports whether an array holds an element whose value
// is not known (needs execution, or is a secret): its string form is then
// unknown too.
func hasUnknownElement(v value) bool {
	for _, e := range v.elems {
		if e.Kind == ElementUnknown {
			return true
		}
	}
	return false
}

// anyString converts one JSON-shaped known value as psString does.
func anyString(x any) string {
	switch e := x.(type) {
	case nil:
		return ""
	case string:
		return e
	case bool:
		if e {
			return "True"
		}
		return "False"
	case int64, float64:
		return formatNumber(e)
	case []any:
		return "System.Object[]"
	case map[string]any:
		return "System.Collections.Hashtable"
	}
	return ""
}

// anyValue wraps one JSON-shaped known value (an array element) as a value.
func anyValue(x any) value {
	switch e := x.(type) {
	case []any:
		elems := make([]Element, len(e))
		for i, y := range e {
			elems[i] = Element{Value: y, Kind: ElementExpression}
		}
		return arrayOf(elems)
	case map[string]any:
		return value{kind: KindHashtable, v: e}
	}
	return known(x)
}

// truthy is PowerShell's conversion to bool. ok is false for unknown values.
func truthy(v value) (bool, bool) {
	switch v.kind {
	case KindNull:
		return false, true
	case KindBool:
		return v.v.(bool), true
	case KindString:
		return v.v.(string) != "", true
	case KindNumber:
		f, _ := toFloat(v.v)
		return f != 0, true
	case KindHashtable:
		return true, true
	case KindArray:
		a := v.v.([]any)
		switch len(a) {
		case 0:
			return false, true
		case 1:
			return truthy(anyValue(a[0]))
		}
		return true, true
	}
	return false, false
}

// numberOf converts a scalar to a number as PowerShell's arithmetic does
// ($null is 0, numeric strings parse). ok is false otherwise.
func numberOf(v value) (any, bool) {
	switch v.kind {
	case KindNumber:
		return v.v, true
	case KindNull:
		return int64(0), true
	case KindBool:
		if v.v.(bool) {
			return int64(1), true
		}
		return int64(0), true
	case KindString:
		s := strings.TrimSpace(v.v.(string))
		if s == "" {
			return int64(0), true
		}
		return parseNumber(s)
	}
	return nil, false
}

// psEqual compares two scalars as PowerShell's -eq does for strings
// (case-insensitive) and numbers. ok is false when it cannot tell.
func psEqual(a, b value, caseSensitive bool) (bool, bool) {
	if !a.isKnown() || !b.isKnown() || a.kind == KindArray || b.kind == KindArray ||
		a.kind == KindHashtable || b.kind == KindHashtable {
		return false, false
	}
	if a.kind == KindNull || b.kind == KindNull {
		return a.kind == b.kind, true
	}
	if a.kind == KindNumber {
		bn, ok := numberOf(b)
		if !ok {
			return false, true
		}
		af, _ := toFloat(a.v)
		bf, _ := toFloat(bn)
		return af == bf, true
	}
	as, _ := psString(a)
	bs, ok := psString(b)
	if !ok {
		return false, false
	}
	if caseSensitive {
		return as == bs, true
	}
	return strings.EqualFold(as, bs), true
}
