package policy

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/pxlint/pxlint/lint/finding"
)

// The queries' results are read as OPA's own terms: by default OPA converts
// every binding to Go values (maps, slices, json.Number) for the caller to
// pick apart, a second conversion per script for nothing, since the fields
// read below are as easy to read from the terms.

// keepTerms makes a query's bindings the *ast.Term OPA computed, unconverted.
var keepTerms = rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil })

// valueOf is a binding kept by keepTerms as a value (nil when absent).
func valueOf(binding any) ast.Value {
	if t, ok := binding.(*ast.Term); ok && t != nil {
		return t.Value
	}
	return nil
}

// elements are the members of a set, in OPA's order (sorted, the order
// iterating it in Rego gives), or of an array; none for anything else.
func elements(v ast.Value) []*ast.Term {
	switch x := v.(type) {
	case ast.Set:
		return x.Slice()
	case *ast.Array:
		out := make([]*ast.Term, x.Len())
		for i := range out {
			out[i] = x.Elem(i)
		}
		return out
	}
	return nil
}

// flattened are the members of each set or array in the array v, one
// after another: what `[r | some s in v; some r in s]` makes in Rego.
func flattened(v ast.Value) []*ast.Term {
	var out []*ast.Term
	for _, s := range elements(v) {
		out = append(out, elements(s.Value)...)
	}
	return out
}

// Keys of the result objects, made once.
var (
	keyID          = ast.StringTerm("id")
	keyMsg         = ast.StringTerm("msg")
	keyFix         = ast.StringTerm("fix")
	keyVariable    = ast.StringTerm("variable")
	keyElement     = ast.StringTerm("element")
	keyLine        = ast.StringTerm("line")
	keySpan        = ast.StringTerm("span")
	keySeverity    = ast.StringTerm("severity")
	keyCert        = ast.StringTerm("cert")
	keyFingerprint = ast.StringTerm("fingerprint")
	keySource      = ast.StringTerm("source")
	keyAt          = ast.StringTerm("at")
	keyField       = ast.StringTerm("field")
	keyRelated     = ast.StringTerm("related")
	keyFile        = ast.StringTerm("file")
	keyMessage     = ast.StringTerm("message")
	keyReason      = ast.StringTerm("reason")
	keyStartLine   = ast.StringTerm("start_line")
	keyStartColumn = ast.StringTerm("start_column")
	keyEndLine     = ast.StringTerm("end_line")
	keyEndColumn   = ast.StringTerm("end_column")
)

// member is obj[key], nil when obj is not an object or has no such key.
func member(obj ast.Value, key *ast.Term) ast.Value {
	o, ok := obj.(ast.Object)
	if !ok {
		return nil
	}
	if t := o.Get(key); t != nil {
		return t.Value
	}
	return nil
}

// str is a string value's text, "" for anything else.
func str(v ast.Value) string {
	s, _ := v.(ast.String)
	return string(s)
}

// num is an integer value (a number written with a fraction or exponent
// is not one).
func num(v ast.Value) (int, bool) {
	n, ok := v.(ast.Number)
	if !ok {
		return 0, false
	}
	return n.Int()
}

func notVerified(v ast.Value) NotVerified {
	return NotVerified{ID: str(member(v, keyID)), Reason: str(member(v, keyReason)), Source: str(member(v, keySource))}
}

func verified(v ast.Value) Verified {
	return Verified{ID: str(member(v, keyID)), Source: str(member(v, keySource))}
}

// toResult normalises a string or object result. defaultID names string
// results (user policies); sev is the level implied by the rule name
// (deny/warn/info) for user policies.
func toResult(v ast.Value, defaultID string, sev finding.Severity) (Result, bool) {
	r := Result{Element: -1, Severity: sev, ID: defaultID}
	switch x := v.(type) {
	case ast.String:
		r.Msg = string(x)
		return r, r.ID != ""
	case ast.Object:
		if id := str(member(x, keyID)); id != "" {
			r.ID = id
		}
		r.Msg = str(member(x, keyMsg))
		r.Fix = str(member(x, keyFix))
		r.Variable = strings.TrimPrefix(str(member(x, keyVariable)), "$")
		if n, ok := num(member(x, keyElement)); ok {
			r.Element = n
		}
		if n, ok := num(member(x, keyLine)); ok {
			r.Line = n
		}
		r.Span = spanOf(member(x, keySpan))
		if s, ok := finding.ParseSeverity(str(member(x, keySeverity))); ok && s != finding.SeverityNone {
			r.Severity = s
		}
		r.Cert = str(member(x, keyCert))
		r.Fingerprint = str(member(x, keyFingerprint))
		r.Source = str(member(x, keySource))
		r.At, r.Field = str(member(x, keyAt)), str(member(x, keyField))
		for _, rel := range elements(member(x, keyRelated)) {
			loc := finding.Location{File: str(member(rel.Value, keyFile)), Message: str(member(rel.Value, keyMessage))}
			if n, ok := num(member(rel.Value, keyLine)); ok && n > 0 {
				loc.Region = &finding.Region{StartLine: n, StartColumn: 1, EndLine: n, EndColumn: 1}
			}
			r.Related = append(r.Related, loc)
		}
		return r, r.ID != "" && r.Msg != ""
	}
	return r, false
}

// spanOf reads a result's {start_line, start_column, end_line,
// end_column} (the shape of the input's spans); nil unless it is whole.
func spanOf(v ast.Value) *finding.Region {
	if _, ok := v.(ast.Object); !ok {
		return nil
	}
	var g finding.Region
	for _, f := range []struct {
		key *ast.Term
		dst *int
	}{{keyStartLine, &g.StartLine}, {keyStartColumn, &g.StartColumn}, {keyEndLine, &g.EndLine}, {keyEndColumn, &g.EndColumn}} {
		n, ok := num(member(v, f.key))
		if !ok || n < 1 {
			return nil
		}
		*f.dst = n
	}
	return &g
}
