package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pxlint/pxlint/lint/ps"
)

// automaticVariables are set by PowerShell at run time; their values are
// never guessed.
var automaticVariables = map[string]bool{
	"_": true, "$": true, "?": true, "^": true, "args": true, "consolefilename": true,
	"error": true, "event": true, "eventargs": true, "eventsubscriber": true, "executioncontext": true,
	"foreach": true, "home": true, "host": true, "input": true, "iscoreclr": true, "islinux": true,
	"ismacos": true, "iswindows": true, "lastexitcode": true, "matches": true, "myinvocation": true,
	"nestedpromptlevel": true, "pid": true, "profile": true, "psboundparameters": true, "pscmdlet": true,
	"pscommandpath": true, "psculture": true, "psdebugcontext": true, "psedition": true, "pshome": true,
	"psitem": true, "psscriptroot": true, "pssenderinfo": true, "psuiculture": true, "psversiontable": true,
	"pwd": true, "sender": true, "shellid": true, "stacktrace": true, "switch": true, "this": true,
	"erroractionpreference": true, "warningpreference": true, "verbosepreference": true,
	"confirmpreference": true, "debugpreference": true, "informationpreference": true,
	"progresspreference": true, "ofs": true,
}

// eval evaluates an expression statically, recording the references and
// commands it contains.
func (e *evaluator) eval(x ps.Expression) value {
	if x == nil {
		return unknown("missing value")
	}
	e.stats.Expressions++
	e.nesting++
	defer func() { e.nesting-- }()
	if e.nesting > e.lim.MaxNesting {
		return e.limit("nesting", x.NodeSpan(), fmt.Sprintf("expression nested deeper than %d levels", e.lim.MaxNesting))
	}
	switch x := x.(type) {
	case *ps.StringLiteral:
		if v, ok := e.checkString(x.Value, x.Span); !ok {
			return v
		}
		v := known(x.Value)
		v.quote = x.Quote.String()
		return e.literal(x.Span, v)
	case *ps.ExpandableString:
		return e.literal(x.Span, e.expand(x))
	case *ps.StringText:
		return known(x.Value)
	case *ps.Number:
		if f, isFloat := x.Value().(float64); x.Invalid || (isFloat && (math.IsInf(f, 0) || math.IsNaN(f))) {
			return e.literal(x.Span, unknown(truncate("not a valid number: "+x.Text)))
		}
		return e.literal(x.Span, known(x.Value()))
	case *ps.Variable:
		return e.lookup(x)
	case *ps.ArrayExpr:
		return e.arrayExpr(x)
	case *ps.ArrayLiteral:
		return e.arrayLiteral(x)
	case *ps.Hashtable:
		return e.hashtable(x)
	case *ps.ParenExpr:
		return e.evalStatement(x.Inner)
	case *ps.SubExpression:
		return e.subExpression(x.Statements)
	case *ps.MemberExpr:
		return e.member(x)
	case *ps.InvokeMemberExpr:
		return e.invokeMember(x)
	case *ps.IndexExpr:
		return e.index(x)
	case *ps.TypeLiteral:
		return unknown("type literal [" + x.Name + "]")
	case *ps.ConvertExpr:
		mark := e.traceMark()
		v := e.eval(x.X)
		if isSecureStringType(x.Type) {
			e.sinkSince(mark) // [securestring]"..." is meant to be a secret
		}
		return e.convert(x.Type, v, x)
	case *ps.UnaryExpr:
		return e.unary(x)
	case *ps.BinaryExpr:
		return e.binary(x)
	case *ps.ScriptBlockExpr:
		e.branch(func() { e.scriptBlock(x.Block) })
		return unknown("script block needs execution")
	case *ps.BareWord:
		return e.literal(x.Span, known(x.Value))
	case *ps.BadExpr:
		return unknown("does not parse")
	}
	return unknown("expression is not evaluated statically")
}

// checkString enforces the value-size and work bounds on a string about to
// be produced.
func (e *evaluator) checkString(s string, sp ps.Span) (value, bool) {
	if len(s) > e.lim.MaxValueChars && utf8.RuneCountInString(s) > e.lim.MaxValueChars {
		return e.sizeLimit(sp), false
	}
	if !e.charge(len(s)) {
		return e.workLimit(sp), false
	}
	return value{}, true
}

func (e *evaluator) sizeLimit(sp ps.Span) value {
	return e.limit("value size", sp, fmt.Sprintf("value exceeds the size limit (%d characters)", e.lim.MaxValueChars))
}

func (e *evaluator) arrayLimit(sp ps.Span) value {
	return e.limit("array length", sp, fmt.Sprintf("array exceeds the length limit (%d elements)", e.lim.MaxArrayLen))
}

// lookup reads a variable.
func (e *evaluator) lookup(x *ps.Variable) value {
	if x.Splat {
		return unknown("splatted @" + x.Name + " is not a value")
	}
	scope := e.lower(x.Scope)
	lname := e.lower(x.Name)
	switch {
	case scope == "env":
		return unknown("environment variable $env:" + x.Name + " is read at run time")
	case !userScope(scope):
		return unknown("$" + x.Scope + ":" + x.Name + " is read at run time")
	}
	switch lname {
	case "true":
		return known(true)
	case "false":
		return known(false)
	case "null":
		return known(nil)
	}
	st := e.vars[lname]
	e.reference(x, st != nil)
	if st != nil {
		e.readFlow(st.flow, x.Span)
		v := st.val
		v.from = st.out.Name
		v.quote = ""
		if v.kind == KindUnknown {
			return unknown(truncate("depends on $" + st.out.Name + ": " + rootReason(v.reason)))
		}
		return v
	}
	if automaticVariables[lname] {
		return unknown("automatic variable $" + x.Name + " is set at run time")
	}
	if n := len(e.unreadable); n > 0 {
		return unknown(truncate("$" + x.Name + " may be assigned in " + e.unreadable[n-1] + ", which could not be read"))
	}
	return unknown("$" + x.Name + " is not assigned before this point")
}

// rootReason strips "depends on $X: " prefixes so chains of unknown values
// name the first variable and the original cause, not every link.
func rootReason(r string) string {
	for strings.HasPrefix(r, "depends on $") {
		i := strings.Index(r, ": ")
		if i < 0 {
			break
		}
		r = r[i+2:]
	}
	return r
}

// reference records a use of a `$Px...` variable.
func (e *evaluator) reference(x *ps.Variable, defined bool) {
	if !e.recording() || !isPxName(x.Name) {
		return
	}
	e.in.References = append(e.in.References, Reference{
		Name:             e.displayName(x.Name),
		Line:             x.Span.Start.Line,
		Column:           x.Span.Start.Col,
		Span:             toSpan(x.Span),
		Defined:          defined,
		DefinedElsewhere: !defined && len(e.unreadable) > 0,
		Context:          e.refCtx,
	})
}

// expand evaluates an expandable string. Any part that cannot be evaluated
// (or that is a secret) makes the whole string unknown; the remaining parts
// are still walked for their references.
func (e *evaluator) expand(x *ps.ExpandableString) value {
	saved := e.refCtx
	e.refCtx = "string"
	defer func() { e.refCtx = saved }()
	var b strings.Builder
	bad := ""
	add := func(s string) {
		if bad != "" {
			return
		}
		if b.Len()+len(s) > e.lim.MaxValueChars && utf8.RuneCountInString(b.String())+utf8.RuneCountInString(s) > e.lim.MaxValueChars {
			bad = e.sizeLimit(x.Span).reason
			return
		}
		if !e.charge(len(s)) {
			bad = e.workLimit(x.Span).reason
			return
		}
		b.WriteString(s)
	}
	for _, p := range x.Parts {
		if t, ok := p.(*ps.StringText); ok {
			add(t.Value)
			continue
		}
		v := e.eval(p)
		if bad != "" {
			continue
		}
		if v.kind == KindSecret {
			bad = "expands a secret"
			continue
		}
		s, ok := psString(v)
		if !ok {
			bad = v.reason
			continue
		}
		add(s)
	}
	if bad != "" {
		return unknown(bad)
	}
	v := known(b.String())
	v.quote = x.Quote.String()
	return v
}

// spliced returns an array value's elements, recording the variable it was
// read from in elements that do not name one yet.
func spliced(v value) []Element {
	out := make([]Element, len(v.elems))
	copy(out, v.elems)
	if v.from != "" {
		for i := range out {
			if out[i].From == "" {
				out[i].From = v.from
			}
		}
	}
	return out
}

// elementOf describes one array element written as node with value v. A
// scalar read from a variable keeps the element where it was written.
func (e *evaluator) elementOf(node ps.Node, v value) Element {
	if v.from != "" && v.origin != nil && v.kind != KindArray && v.kind != KindSecret {
		el := *v.origin
		if el.From == "" {
			el.From = v.from
		}
		return el
	}
	sp := spanOf(node)
	el := Element{
		Kind:   classify(node, v),
		Text:   e.text(sp),
		Line:   sp.Start.Line,
		Column: sp.Start.Col,
		Span:   toSpan(sp),
	}
	if e.cur.nested {
		el.File = e.cur.rel
	}
	if v.isKnown() {
		el.Value = v.v
		el.Quote = v.quote
	}
	return el
}

// scalarElement is elementOf for the origin of an assigned scalar.
func (e *evaluator) scalarElement(node ps.Node, v value) *Element {
	el := e.elementOf(node, v)
	return &el
}

// classify tells how an element was written: quoted, bare (a number, or
// what PowerShell makes of an unquoted address), a static expression, or
// unknown.
func classify(node ps.Node, v value) string {
	if !v.isKnown() {
		return ElementUnknown
	}
	switch node.(type) {
	case *ps.StringLiteral, *ps.ExpandableString:
		return ElementQuoted
	}
	if isBare(node) {
		return ElementBare
	}
	return ElementExpression
}

// isBare reports whether an expression is unquoted numeric text: a number,
// a number with numeric member accesses (80.213.4.17), or arithmetic of
// those (91.90.42.64/26).
func isBare(n ps.Node) bool {
	switch x := n.(type) {
	case *ps.Number:
		return true
	case *ps.MemberExpr:
		ok, _ := ps.NumericMemberChain(x)
		return ok
	case *ps.BinaryExpr:
		switch x.Op {
		case "+", "-", "*", "/", "%":
			return isBare(x.Left) && isBare(x.Right)
		}
	case *ps.UnaryExpr:
		return (x.Op == "-" || x.Op == "+") && isBare(x.X)
	}
	return false
}

// arrayExpr evaluates `@( ... )`: every statement's output, arrays
// enumerated one level, as PowerShell collects them.
func (e *evaluator) arrayExpr(x *ps.ArrayExpr) value {
	elems := []Element{}
	for _, s := range x.Statements {
		if a, ok := s.(*ps.AssignmentStmt); ok {
			e.assign(a) // an assignment outputs nothing
			continue
		}
		var v value
		var node ps.Node = s
		if xe := ps.StatementExpr(s); xe != nil {
			v, node = e.eval(xe), xe
		} else {
			v = e.evalStatement(s)
		}
		if v.kind == KindArray {
			if len(elems)+len(v.elems) > e.lim.MaxArrayLen {
				return e.arrayLimit(x.Span)
			}
			if !e.charge(len(v.elems)) {
				return e.workLimit(x.Span)
			}
			elems = append(elems, spliced(v)...)
			continue
		}
		if len(elems)+1 > e.lim.MaxArrayLen {
			return e.arrayLimit(x.Span)
		}
		elems = append(elems, e.elementOf(node, v))
	}
	return arrayOf(elems)
}

// arrayLiteral evaluates a comma list; an element that is itself an array
// stays nested, as in PowerShell.
func (e *evaluator) arrayLiteral(x *ps.ArrayLiteral) value {
	if len(x.Elements) > e.lim.MaxArrayLen {
		return e.arrayLimit(x.Span)
	}
	elems := make([]Element, 0, len(x.Elements))
	for _, el := range x.Elements {
		elems = append(elems, e.elementOf(el, e.eval(el)))
	}
	if !e.charge(len(elems)) {
		return e.workLimit(x.Span)
	}
	return arrayOf(elems)
}

// hashtable evaluates `@{ ... }`. Secret-named keys hold secrets.
func (e *evaluator) hashtable(x *ps.Hashtable) value {
	if len(x.Entries) > e.lim.MaxArrayLen {
		return e.arrayLimit(x.Span)
	}
	entries := make([]hashEntry, 0, len(x.Entries))
	reason := ""
	seen := map[string]bool{}
	for _, en := range x.Entries {
		key := en.KeyText
		if key == "" {
			k := e.eval(en.Key)
			s, ok := psString(k)
			if !ok || k.kind == KindNull {
				reason = "hashtable key needs execution"
			}
			key = s
		}
		var v value
		var node ps.Node
		if en.Value != nil {
			node = en.Value
		}
		mark := e.traceMark()
		if word, isWord := bareWordCommand(en.Value); isWord && IsSecretName(key) {
			e.addSecret(spanOf(en.Value))
			v = value{kind: KindSecret, secret: describeSecret(word)}
		} else if xe := en.ValueExpr(); xe != nil {
			v, node = e.eval(xe), xe
		} else {
			v = e.evalStatement(en.Value)
		}
		if IsSecretName(key) {
			e.sinkSince(mark) // @{ Password = ... }
		}
		if seen[strings.ToLower(key)] && reason == "" {
			reason = "duplicate hashtable key " + key
		}
		seen[strings.ToLower(key)] = true
		sp := spanOf(node)
		if IsSecretName(key) || v.kind == KindSecret {
			v = e.secretize(v, node)
		}
		text := ""
		if v.kind != KindSecret {
			text = e.text(sp)
		}
		flow := e.flowSince(mark)
		if flow != nil {
			// One node per entry in the trace (see assign).
			e.trace = append(e.trace[:mark], flowItem{file: e.cur, span: sp, node: flow})
		}
		entries = append(entries, hashEntry{key: key, val: v, span: sp, text: text, flow: flow})
	}
	if reason != "" {
		return unknown(reason)
	}
	return hashtableOf(entries)
}

// subExpression evaluates `$( ... )`: the outputs of its statements.
func (e *evaluator) subExpression(stmts []ps.Statement) value {
	var outs []value
	for _, s := range stmts {
		if a, ok := s.(*ps.AssignmentStmt); ok {
			e.assign(a)
			continue
		}
		outs = append(outs, e.evalStatement(s))
	}
	switch len(outs) {
	case 0:
		return known(nil)
	case 1:
		return outs[0]
	}
	var elems []Element
	for _, o := range outs {
		if !o.isKnown() {
			if o.kind == KindSecret {
				return unknown("expands a secret")
			}
			return unknown(o.reason)
		}
		if o.kind == KindArray {
			elems = append(elems, spliced(o)...)
			continue
		}
		elems = append(elems, Element{Value: o.v, Kind: ElementExpression})
	}
	if len(elems) > e.lim.MaxArrayLen {
		return unknown("array exceeds the length limit")
	}
	return arrayOf(elems)
}

// member evaluates `x.Name`. An unquoted address (80.213.4.17) is a number
// with numeric member accesses, which PowerShell evaluates to $null.
func (e *evaluator) member(x *ps.MemberExpr) value {
	if ok, _ := ps.NumericMemberChain(x); ok {
		return known(nil)
	}
	t := e.eval(x.Target)
	if x.Name == "" {
		e.eval(x.Member)
		return unknown("member name needs execution")
	}
	if x.Static {
		return unknown("static member ::" + x.Name + " is read at run time")
	}
	name := strings.ToLower(x.Name)
	switch t.kind {
	case KindUnknown:
		return unknown(t.reason)
	case KindSecret:
		return unknown("member of a secret")
	case KindNull, KindBool, KindNumber:
		return known(nil) // no such property: $null
	case KindString:
		if name == "length" {
			return known(int64(utf8.RuneCountInString(t.v.(string))))
		}
		return known(nil)
	case KindArray:
		if name == "count" || name == "length" {
			return known(int64(len(t.v.([]any))))
		}
		return unknown("member ." + x.Name + " of an array needs execution")
	case KindHashtable:
		if name == "count" {
			return known(int64(len(t.v.(map[string]any))))
		}
		for _, en := range t.entries {
			if strings.EqualFold(en.key, x.Name) {
				return en.val
			}
		}
		if t.entries == nil {
			return unknown("member ." + x.Name + " needs execution")
		}
		return known(nil)
	}
	return unknown("member ." + x.Name + " needs execution")
}

// invokeMember evaluates the few string methods scripts use on names
// (ToLower, ToUpper, Trim); every other method needs execution.
func (e *evaluator) invokeMember(x *ps.InvokeMemberExpr) value {
	t := e.eval(x.Target)
	args := make([]value, len(x.Args))
	credential := false
	if tl, ok := x.Target.(*ps.TypeLiteral); ok && x.Static && strings.EqualFold(x.Name, "new") && isCredentialType(tl.Name) {
		credential = true // [pscredential]::new($user, $password)
	}
	for i, a := range x.Args {
		mark := e.traceMark()
		args[i] = e.eval(a)
		if credential && i > 0 {
			e.sinkSince(mark)
		}
	}
	if x.Member != nil && x.Name == "" {
		e.eval(x.Member)
	}
	if x.Static || t.kind != KindString || len(args) > 0 {
		if t.kind == KindSecret {
			return unknown("method of a secret")
		}
		return unknown("method " + x.Name + "() needs execution")
	}
	s := t.v.(string)
	switch strings.ToLower(x.Name) {
	case "tolower", "tolowerinvariant":
		return known(strings.ToLower(s))
	case "toupper", "toupperinvariant":
		return known(strings.ToUpper(s))
	case "trim":
		return known(strings.TrimSpace(s))
	case "trimstart":
		return known(strings.TrimLeft(s, " \t\r\n"))
	case "trimend":
		return known(strings.TrimRight(s, " \t\r\n"))
	case "tostring":
		return known(s)
	}
	return unknown("method " + x.Name + "() needs execution")
}

// index evaluates `x[i]` on arrays and hashtables.
func (e *evaluator) index(x *ps.IndexExpr) value {
	t := e.eval(x.Target)
	i := e.eval(x.Index)
	if !t.isKnown() || !i.isKnown() {
		if t.kind == KindSecret || i.kind == KindSecret {
			return unknown("index of a secret")
		}
		if !t.isKnown() {
			return unknown(t.reason)
		}
		return unknown(i.reason)
	}
	switch t.kind {
	case KindArray:
		n, ok := i.v.(int64)
		if !ok {
			return unknown("array index is not an integer")
		}
		a := t.v.([]any)
		if n < 0 {
			n += int64(len(a))
		}
		if n < 0 || n >= int64(len(a)) {
			return known(nil)
		}
		if n < int64(len(t.elems)) && t.elems[n].Kind == ElementUnknown {
			return unknown("element " + strconv.FormatInt(n, 10) + " is unknown or secret")
		}
		return anyValue(a[n])
	case KindHashtable:
		k, ok := psString(i)
		if !ok {
			return unknown("hashtable key needs execution")
		}
		for _, en := range t.entries {
			if strings.EqualFold(en.key, k) {
				return en.val
			}
		}
		return known(nil)
	case KindNull:
		return known(nil)
	}
	return unknown("indexing needs execution")
}

// convert applies a cast such as [string], [int] or [string[]].
func (e *evaluator) convert(t *ps.TypeLiteral, v value, node ps.Node) value {
	sp := spanOf(node)
	if t == nil {
		return unknown("cast needs execution")
	}
	name := strings.ToLower(strings.TrimSpace(t.Name))
	name = strings.TrimPrefix(name, "system.")
	if v.kind == KindSecret {
		return v
	}
	if !v.isKnown() {
		return v
	}
	switch name {
	case "string":
		s, ok := psString(v)
		if !ok {
			return unknown("cast to [string] needs execution")
		}
		if r, ok := e.checkString(s, sp); !ok {
			return r
		}
		return known(s)
	case "int", "int32", "int64", "long", "int16", "short", "byte", "uint32", "uint64", "uint16":
		n, ok := numberOf(v)
		if !ok {
			return unknown("cast to [" + t.Name + "] fails")
		}
		if f, isF := n.(float64); isF {
			return known(int64(roundEven(f)))
		}
		return known(n)
	case "double", "float", "single", "decimal":
		n, ok := numberOf(v)
		if !ok {
			return unknown("cast to [" + t.Name + "] fails")
		}
		f, _ := toFloat(n)
		return known(f)
	case "bool", "boolean", "switch", "switchparameter", "management.automation.switchparameter":
		b, _ := truthy(v)
		return known(b)
	case "array", "object[]", "string[]", "collections.arraylist":
		if v.kind == KindArray {
			if name != "string[]" {
				return v
			}
			elems := spliced(v)
			for i := range elems {
				s := anyString(elems[i].Value)
				elems[i].Value = s
			}
			return arrayOf(elems)
		}
		if v.kind == KindNull && name != "string[]" {
			return arrayOf([]Element{})
		}
		el := e.elementOf(node, v)
		if v.origin != nil {
			el = *v.origin
			if el.From == "" {
				el.From = v.from
			}
		}
		if name == "string[]" {
			s, _ := psString(v)
			el.Value = s
		}
		return arrayOf([]Element{el})
	case "object", "psobject":
		return v
	}
	return unknown("cast to [" + t.Name + "] needs execution")
}

func roundEven(f float64) float64 {
	r := float64(int64(f))
	diff := f - r
	switch {
	case diff > 0.5 || (diff == 0.5 && int64(r)%2 != 0):
		r++
	case diff < -0.5 || (diff == -0.5 && int64(r)%2 != 0):
		r--
	}
	return r
}

// unary evaluates prefix and postfix operators.
func (e *evaluator) unary(x *ps.UnaryExpr) value {
	v := e.eval(x.X)
	switch x.Op {
	case ",":
		return arrayOf([]Element{e.elementOf(x.X, v)})
	case "++", "--":
		if vr, ok := x.X.(*ps.Variable); ok && userScope(vr.Scope) {
			if st := e.vars[e.lower(vr.Name)]; st != nil {
				st.val = unknown("changed by " + x.Op + " on line " + fmt.Sprint(x.Span.Start.Line))
				st.out.Kind, st.out.Value, st.out.Reason, st.out.Elements = KindUnknown, nil, st.val.reason, nil
			}
		}
		return unknown(x.Op + " needs execution")
	}
	if v.kind == KindSecret {
		return unknown("uses a secret")
	}
	if !v.isKnown() {
		return unknown(v.reason)
	}
	switch x.Op {
	case "-", "+":
		n, ok := numberOf(v)
		if !ok {
			return unknown("operand of " + x.Op + " is not a number")
		}
		if x.Op == "+" {
			return known(n)
		}
		r, ok := arith("-", int64(0), n)
		if !ok {
			return unknown("arithmetic overflow")
		}
		return known(r)
	case "-not", "!":
		b, _ := truthy(v)
		return known(!b)
	case "-join":
		return e.join(v, known(""), x.Span)
	}
	return unknown("the " + x.OpText + " operator is not evaluated statically")
}

// binary evaluates binary operators that have a static meaning.
func (e *evaluator) binary(x *ps.BinaryExpr) value {
	l := e.eval(x.Left)
	r := e.eval(x.Right)
	switch x.Op {
	case "+":
		return e.add(l, r, x.Right, x.Span)
	case "-", "*", "/", "%":
		return e.arithmetic(x.Op, l, r, x.Span)
	case "-f":
		return e.format(l, r, x.Span)
	case "-join":
		return e.join(l, r, x.Span)
	case "..":
		return e.rangeOf(l, r, x)
	case "-and", "-or":
		lb, ok1 := truthy(l)
		rb, ok2 := truthy(r)
		if !ok1 || !ok2 {
			return unknown("operand of " + x.OpText + " is unknown")
		}
		if x.Op == "-and" {
			return known(lb && rb)
		}
		return known(lb || rb)
	case "-eq", "-ieq", "-ceq", "-ne", "-ine", "-cne":
		eq, ok := psEqual(l, r, strings.HasPrefix(x.Op, "-c"))
		if !ok {
			return unknown("comparison needs execution")
		}
		if strings.HasSuffix(x.Op, "ne") {
			return known(!eq)
		}
		return known(eq)
	}
	return unknown("the " + x.OpText + " operator is not evaluated statically")
}

// add is PowerShell's `+`: array concatenation (each element keeping where
// it was written), string concatenation, numeric addition.
func (e *evaluator) add(l, r value, rNode ps.Node, sp ps.Span) value {
	if l.kind == KindSecret || r.kind == KindSecret {
		return unknown("combines a secret")
	}
	if !l.isKnown() {
		return unknown(l.reason)
	}
	switch l.kind {
	case KindNull:
		if !r.isKnown() {
			return unknown(r.reason)
		}
		if r.kind == KindArray {
			return arrayOf(spliced(r))
		}
		r.quote = ""
		return r
	case KindArray:
		var add []Element
		if r.kind == KindArray {
			add = spliced(r)
		} else {
			add = []Element{e.elementOf(rNode, r)}
		}
		n := len(l.elems) + len(add)
		if n > e.lim.MaxArrayLen {
			return e.arrayLimit(sp)
		}
		if !e.charge(n) {
			return e.workLimit(sp)
		}
		elems := make([]Element, 0, n)
		elems = append(elems, spliced(l)...)
		return arrayOf(append(elems, add...))
	}
	if !r.isKnown() {
		return unknown(r.reason)
	}
	switch l.kind {
	case KindString:
		rs, _ := psString(r)
		s := l.v.(string)
		if len(s)+len(rs) > e.lim.MaxValueChars {
			return e.sizeLimit(sp)
		}
		if !e.charge(len(s) + len(rs)) {
			return e.workLimit(sp)
		}
		return known(s + rs)
	case KindNumber:
		if r.kind == KindNull {
			return known(l.v)
		}
		rn, ok := numberOf(r)
		if !ok {
			return unknown("cannot add " + r.kind + " to a number")
		}
		n, ok := arith("+", l.v, rn)
		if !ok {
			return unknown("arithmetic overflow")
		}
		return known(n)
	case KindHashtable:
		if r.kind != KindHashtable || l.entries == nil || r.entries == nil {
			return unknown("hashtable addition needs execution")
		}
		entries := append(append([]hashEntry(nil), l.entries...), r.entries...)
		seen := map[string]bool{}
		for _, en := range entries {
			k := strings.ToLower(en.key)
			if seen[k] {
				return unknown("duplicate hashtable key " + en.key)
			}
			seen[k] = true
		}
		return hashtableOf(entries)
	}
	return unknown("cannot add to a " + l.kind)
}

// arithmetic is `-`, `*`, `/` and `%`, with string and array repetition
// for `*`. `$null / 26` is 0, which is what an unquoted 91.90.42.64/26 is.
func (e *evaluator) arithmetic(op string, l, r value, sp ps.Span) value {
	if v, ok := operandsKnown(l, r, "uses a secret"); !ok {
		return v
	}
	if op == "*" && (l.kind == KindString || l.kind == KindArray) {
		rn, ok := numberOf(r)
		n, isInt := rn.(int64)
		if !ok || !isInt || n < 0 {
			return unknown("repetition count is not a non-negative integer")
		}
		if l.kind == KindString {
			s := l.v.(string)
			if n > 0 && int64(len(s)) > int64(e.lim.MaxValueChars)/n {
				return e.sizeLimit(sp)
			}
			if !e.charge(len(s) * int(n)) {
				return e.workLimit(sp)
			}
			return known(strings.Repeat(s, int(n)))
		}
		if n > 0 && int64(len(l.elems)) > int64(e.lim.MaxArrayLen)/n {
			return e.arrayLimit(sp)
		}
		if !e.charge(len(l.elems) * int(n)) {
			return e.workLimit(sp)
		}
		base := spliced(l)
		elems := make([]Element, 0, len(base)*int(n))
		for range n {
			elems = append(elems, base...)
		}
		return arrayOf(elems)
	}
	if l.kind == KindNull && op == "*" {
		return unknown("$null * needs execution")
	}
	ln, ok1 := numberOf(l)
	rn, ok2 := numberOf(r)
	if !ok1 || !ok2 {
		return unknown("operands of " + op + " are not numbers")
	}
	n, ok := arith(op, ln, rn)
	if !ok {
		return unknown("arithmetic error (division by zero or overflow)")
	}
	return known(n)
}

// operandsKnown is the guard of every binary operator that needs both
// values: a secret operand makes the result unknown with why (never a
// value built from the secret), an unknown one passes its reason on.
func operandsKnown(l, r value, why string) (value, bool) {
	switch {
	case l.kind == KindSecret || r.kind == KindSecret:
		return unknown(why), false
	case !l.isKnown():
		return unknown(l.reason), false
	case !r.isKnown():
		return unknown(r.reason), false
	}
	return value{}, true
}

// format is `-f` with {index} and {index,alignment} items.
func (e *evaluator) format(l, r value, sp ps.Span) value {
	if v, ok := operandsKnown(l, r, "expands a secret"); !ok {
		return v
	}
	f, ok := psString(l)
	if !ok {
		return unknown("format string needs execution")
	}
	if hasUnknownElement(r) {
		return unknown("formats an element that is unknown or secret")
	}
	var args []any
	if r.kind == KindArray {
		args = r.v.([]any)
	} else {
		args = []any{r.v}
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '{' && i+1 < len(f) && f[i+1] == '{':
			b.WriteByte('{')
			i++
		case c == '}' && i+1 < len(f) && f[i+1] == '}':
			b.WriteByte('}')
			i++
		case c == '{':
			end := strings.IndexByte(f[i:], '}')
			if end < 0 {
				return unknown("malformed format string")
			}
			item := f[i+1 : i+end]
			if strings.Contains(item, ":") {
				return unknown("format specifiers are not evaluated statically")
			}
			align := 0
			if j := strings.IndexByte(item, ','); j >= 0 {
				a, ok := parseNumber(strings.TrimSpace(item[j+1:]))
				ai, isInt := a.(int64)
				if !ok || !isInt || ai > 1024 || ai < -1024 {
					return unknown("malformed format string")
				}
				align = int(ai)
				item = item[:j]
			}
			idx, ok := parseNumber(strings.TrimSpace(item))
			n, isInt := idx.(int64)
			if !ok || !isInt || n < 0 || n >= int64(len(args)) {
				return unknown("format item {" + item + "} has no argument")
			}
			s := anyString(args[n])
			if pad := abs(align) - utf8.RuneCountInString(s); pad > 0 {
				if align > 0 {
					s = strings.Repeat(" ", pad) + s
				} else {
					s += strings.Repeat(" ", pad)
				}
			}
			b.WriteString(s)
			i += end
		default:
			b.WriteByte(c)
		}
		if b.Len() > e.lim.MaxValueChars {
			return e.sizeLimit(sp)
		}
	}
	if !e.charge(b.Len()) {
		return e.workLimit(sp)
	}
	return known(b.String())
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// join is `-join`.
func (e *evaluator) join(l, r value, sp ps.Span) value {
	if v, ok := operandsKnown(l, r, "expands a secret"); !ok {
		return v
	}
	if hasUnknownElement(l) {
		return unknown("joins an element that is unknown or secret")
	}
	sep, _ := psString(r)
	var items []any
	if l.kind == KindArray {
		items = l.v.([]any)
	} else {
		items = []any{l.v}
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(anyString(it))
		if b.Len() > e.lim.MaxValueChars {
			return e.sizeLimit(sp)
		}
	}
	if !e.charge(b.Len()) {
		return e.workLimit(sp)
	}
	return known(b.String())
}

// rangeOf is `a..b` over integers.
func (e *evaluator) rangeOf(l, r value, x *ps.BinaryExpr) value {
	ln, ok1 := numberOf(l)
	rn, ok2 := numberOf(r)
	if !l.isKnown() || !r.isKnown() || !ok1 || !ok2 {
		return unknown("range bounds need execution")
	}
	lf, _ := toFloat(ln)
	rf, _ := toFloat(rn)
	a, b := int64(roundEven(lf)), int64(roundEven(rf))
	n := b - a
	step := int64(1)
	if n < 0 {
		n, step = -n, -1
	}
	if n+1 > int64(e.lim.MaxArrayLen) || n < 0 {
		return e.arrayLimit(x.Span)
	}
	if !e.charge(int(n + 1)) {
		return e.workLimit(x.Span)
	}
	elems := make([]Element, 0, n+1)
	base := e.elementOf(x, known(int64(0)))
	for i := a; ; i += step {
		el := base
		el.Value = i
		elems = append(elems, el)
		if i == b {
			break
		}
	}
	return arrayOf(elems)
}
