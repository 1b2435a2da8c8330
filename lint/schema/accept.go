package schema

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"cuelang.org/go/cue"
)

// A run of one script spent about a quarter of its CPU compiling the CUE
// schema, only to learn that every value passes. An accept is a field's
// constraint written as plain Go checks, extracted from the compiled CUE at
// build time into builtin_tables.json (acceptOf, TestBuiltinTables): when
// every value of a script passes its field's accept, the built-in schema
// would report nothing but PX209's location notes, and Validate answers
// without compiling CUE (passesWithoutCUE). A value an accept rejects, or
// cannot judge, sends the whole validation to CUE, which explains it: an
// accept only ever says yes. TestAcceptAgreesWithCUE and
// FuzzAcceptAgreesWithCUE hold it to that.
//
// An accept is either a disjunction (Or: some alternative accepts) or a
// conjunction of everything else it sets (all must hold). Numbers are judged
// only when they are whole (int64): a float goes to CUE, whose decimals are
// not float64's.
type accept struct {
	Or  []*accept `json:"or,omitempty"`
	All []*accept `json:"all,omitempty"`
	// Kind is "top" (anything), "string", "bool", "number", "int" or
	// "list" (a list of anything).
	Kind string `json:"kind,omitempty"`
	// Match and NoMatch are patterns the string must (=~) and must not
	// (!~) match, in Go's regexp syntax, which CUE's are.
	Match   string `json:"match,omitempty"`
	NoMatch string `json:"no_match,omitempty"`
	// MaxRunes is strings.MaxRunes(n): at most n runes.
	MaxRunes *int `json:"max_runes,omitempty"`
	// AtLeast is >=n; MultipleOf is math.MultipleOf(n), both on whole numbers.
	AtLeast    *int64 `json:"at_least,omitempty"`
	MultipleOf *int64 `json:"multiple_of,omitempty"`
	// Equals is a concrete string the value must be.
	Equals *string `json:"equals,omitempty"`

	once sync.Once
	re   *regexp.Regexp // Match or NoMatch, compiled at first use
}

// accepts reports whether the field the accept was made from certainly
// admits v, a normalized value (normalize). False means "ask CUE".
func (a *accept) accepts(v any) bool {
	if a == nil {
		return false
	}
	if len(a.Or) > 0 {
		for _, alt := range a.Or {
			if alt.accepts(v) {
				return true
			}
		}
		return false
	}
	for _, c := range a.All {
		if !c.accepts(v) {
			return false
		}
	}
	switch a.Kind {
	case "", "top":
	case "string":
		if _, ok := v.(string); !ok {
			return false
		}
	case "bool":
		if _, ok := v.(bool); !ok {
			return false
		}
	case "number", "int":
		if _, ok := v.(int64); !ok {
			return false
		}
	case "list":
		if _, ok := v.([]any); !ok {
			return false
		}
	default:
		return false
	}
	if a.Match != "" || a.NoMatch != "" || a.MaxRunes != nil || a.Equals != nil {
		s, ok := v.(string)
		if !ok {
			return false
		}
		if a.Equals != nil && s != *a.Equals {
			return false
		}
		if a.MaxRunes != nil && utf8.RuneCountInString(s) > *a.MaxRunes {
			return false
		}
		if a.Match != "" || a.NoMatch != "" {
			re := a.regexp()
			if re == nil || re.MatchString(s) != (a.Match != "") {
				return false
			}
		}
	}
	if a.AtLeast != nil || a.MultipleOf != nil {
		n, ok := v.(int64)
		if !ok {
			return false
		}
		if a.AtLeast != nil && n < *a.AtLeast {
			return false
		}
		if a.MultipleOf != nil && (*a.MultipleOf == 0 || n%*a.MultipleOf != 0) {
			return false
		}
	}
	return true
}

// regexp is the accept's pattern compiled once; nil if it does not compile
// (then the accept says no and CUE decides).
func (a *accept) regexp() *regexp.Regexp {
	a.once.Do(func() {
		p := a.Match
		if p == "" {
			p = a.NoMatch
		}
		a.re, _ = regexp.Compile(p)
	})
	return a.re
}

// acceptOf extracts the accept of a compiled CUE constraint of the
// built-in schema root, following references to root's definitions (the
// built-in schema defines all of them at the top of package pxlint). ok is
// false for anything it does not know: such a field has no accept, and its
// values always go to CUE.
func acceptOf(root, v cue.Value) (*accept, bool) {
	x := extractor{root: root}
	return x.of(v, 0)
}

type extractor struct{ root cue.Value }

// maxAcceptDepth bounds the references and operators acceptOf follows.
const maxAcceptDepth = 32

func (x extractor) of(v cue.Value, depth int) (*accept, bool) {
	if depth > maxAcceptDepth || v.Err() != nil {
		return nil, false
	}
	op, args := v.Expr()
	switch op {
	case cue.OrOp, cue.AndOp:
		a := &accept{}
		for _, arg := range args {
			sub, ok := x.of(arg, depth+1)
			if !ok {
				return nil, false
			}
			if op == cue.OrOp {
				a.Or = append(a.Or, sub)
			} else {
				a.All = append(a.All, sub)
			}
		}
		return a, len(args) > 0
	case cue.SelectorOp:
		// A reference to a definition: CUE gives its scope as an empty
		// placeholder, so the name is looked up in the root.
		if len(args) != 2 {
			return nil, false
		}
		sel, err := args[1].String()
		if err != nil || !strings.HasPrefix(sel, "#") {
			return nil, false
		}
		def := x.root.LookupPath(cue.ParsePath(sel))
		if !def.Exists() {
			return nil, false
		}
		return x.of(def, depth+1)
	case cue.RegexMatchOp, cue.NotRegexMatchOp:
		if len(args) != 1 {
			return nil, false
		}
		p, err := args[0].String()
		if err != nil {
			return nil, false
		}
		if _, err := regexp.Compile(p); err != nil {
			return nil, false
		}
		if op == cue.RegexMatchOp {
			return &accept{Match: p}, true
		}
		return &accept{NoMatch: p}, true
	case cue.GreaterThanEqualOp:
		if len(args) != 1 {
			return nil, false
		}
		n, err := args[0].Int64()
		if err != nil {
			return nil, false
		}
		return &accept{AtLeast: &n}, true
	case cue.CallOp:
		return callAccept(args)
	case cue.NoOp:
		return leafAccept(v)
	}
	return nil, false
}

// callAccept is the accept of the validators the schema calls:
// strings.MaxRunes(n) and math.MultipleOf(n).
func callAccept(args []cue.Value) (*accept, bool) {
	if len(args) != 2 {
		return nil, false
	}
	fn := fmt.Sprint(args[0])
	n, err := args[1].Int64()
	if err != nil {
		return nil, false
	}
	switch fn {
	case "strings.MaxRunes":
		m := int(n)
		return &accept{MaxRunes: &m}, true
	case "math.MultipleOf":
		return &accept{MultipleOf: &n}, true
	}
	return nil, false
}

// leafAccept is the accept of a value that is no expression: a kind, an
// open list of anything, or a concrete string.
func leafAccept(v cue.Value) (*accept, bool) {
	if v.IsConcrete() {
		switch v.Kind() {
		case cue.StringKind:
			s, err := v.String()
			if err != nil {
				return nil, false
			}
			return &accept{Equals: &s}, true
		case cue.ListKind: // [...] is concrete: judged below
		default:
			return nil, false
		}
	}
	switch v.IncompleteKind() {
	case cue.TopKind:
		return &accept{Kind: "top"}, true
	case cue.StringKind:
		return &accept{Kind: "string"}, true
	case cue.BoolKind:
		return &accept{Kind: "bool"}, true
	case cue.NumberKind:
		return &accept{Kind: "number"}, true
	case cue.IntKind:
		return &accept{Kind: "int"}, true
	case cue.ListKind:
		// Only [...]: an open list whose elements may be anything.
		if v.Allows(cue.AnyIndex) && v.LookupPath(cue.MakePath(cue.AnyIndex)).IncompleteKind() == cue.TopKind {
			if it, err := v.List(); err == nil && !it.Next() {
				return &accept{Kind: "list"}, true
			}
		}
	}
	return nil, false
}
