package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pxlint/pxlint/lint/ps"
)

// walkList evaluates statements in order.
func (e *evaluator) walkList(stmts []ps.Statement) {
	for _, s := range stmts {
		e.walk(s)
		if e.nesting == 0 {
			// Nothing flows between top-level statements except through
			// variables, which keep their own flow.
			e.trace = e.trace[:0]
		}
	}
}

// branch evaluates f with assignments and commands marked conditional.
func (e *evaluator) branch(f func()) {
	e.cond++
	defer func() { e.cond-- }()
	f()
}

// stmtIn evaluates a statement as a value with references recorded in the
// given context (no closure: this is the hot path).
func (e *evaluator) stmtIn(ctx string, s ps.Statement) value {
	saved := e.refCtx
	e.refCtx = ctx
	v := e.evalStatement(s)
	e.refCtx = saved
	return v
}

// exprIn is stmtIn for an expression.
func (e *evaluator) exprIn(ctx string, x ps.Expression) value {
	saved := e.refCtx
	e.refCtx = ctx
	v := e.eval(x)
	e.refCtx = saved
	return v
}

// withCtx evaluates f with references recorded in the given context.
func (e *evaluator) withCtx(ctx string, f func()) {
	saved := e.refCtx
	e.refCtx = ctx
	defer func() { e.refCtx = saved }()
	f()
}

func (e *evaluator) block(b *ps.BlockStmt) {
	if b != nil {
		e.walkList(b.Statements)
	}
}

func (e *evaluator) scriptBlock(b *ps.ScriptBlock) {
	if b == nil {
		return
	}
	e.walkList(b.Statements)
	for _, n := range b.Named {
		e.block(n.Body)
	}
}

// condition evaluates a condition for its references and commands.
func (e *evaluator) condition(s ps.Statement) {
	if s != nil {
		e.stmtIn("condition", s)
	}
}

// walk evaluates one statement for its effects: assignments, commands,
// references, guards and dot-sourced files.
func (e *evaluator) walk(s ps.Statement) {
	if s == nil {
		return // the parser leaves a part out where a bound stopped it
	}
	e.nesting++
	defer func() { e.nesting-- }()
	if e.nesting > e.lim.MaxNesting {
		e.limit("nesting", s.NodeSpan(), "statements nested too deeply to evaluate")
		return
	}
	switch s := s.(type) {
	case *ps.AssignmentStmt:
		_ = e.assign(s) // as a statement, an assignment outputs nothing
	case *ps.ExpressionStmt, *ps.Pipeline:
		e.stmtIn("value", s)
	case *ps.PipelineChain:
		e.walk(s.Left)
		e.branch(func() { e.walk(s.Right) })
	case *ps.IfStmt:
		e.guard(s)
		for i, c := range s.Clauses {
			if i == 0 {
				e.condition(c.Condition)
				e.branch(func() { e.block(c.Body) })
				continue
			}
			e.branch(func() {
				e.condition(c.Condition)
				e.block(c.Body)
			})
		}
		e.branch(func() { e.block(s.Else) })
	case *ps.ForeachStmt:
		e.stmtIn("value", s.Iterable)
		e.branch(func() { e.block(s.Body) })
	case *ps.ForStmt:
		e.branch(func() {
			if s.Init != nil {
				e.walk(s.Init)
			}
			e.condition(s.Condition)
			if s.Step != nil {
				e.walk(s.Step)
			}
			e.block(s.Body)
		})
	case *ps.WhileStmt:
		e.condition(s.Condition)
		e.branch(func() { e.block(s.Body) })
	case *ps.DoStmt:
		e.branch(func() {
			e.block(s.Body)
			e.condition(s.Condition)
		})
	case *ps.SwitchStmt:
		e.condition(s.Value)
		e.branch(func() {
			for _, c := range s.Clauses {
				e.exprIn("condition", c.Pattern)
				e.block(c.Body)
			}
			e.block(s.Default)
		})
	case *ps.TryStmt:
		e.branch(func() {
			e.block(s.Body)
			for _, c := range s.Catches {
				e.block(c.Body)
			}
			e.block(s.Finally)
		})
	case *ps.FunctionDef:
		e.branch(func() { e.scriptBlock(s.Body) })
	case *ps.FlowStmt:
		if s.Value != nil {
			e.stmtIn("value", s.Value)
		}
	case *ps.BlockStmt:
		e.block(s)
	}
}

// evalStatement evaluates a statement used as a value: an assignment's
// right-hand side, the inside of `( )`, a condition.
func (e *evaluator) evalStatement(s ps.Statement) value {
	switch s := s.(type) {
	case nil:
		return known(nil)
	case *ps.ExpressionStmt:
		return e.eval(s.X)
	case *ps.Pipeline:
		if x := ps.StatementExpr(s); x != nil {
			return e.eval(x)
		}
		return e.pipeline(s)
	case *ps.AssignmentStmt:
		// `($x = 1)` and the right-hand side of `$y = $x = 1` output the
		// assigned value. Chains nest one level per link: bounded like
		// any other nesting.
		e.nesting++
		defer func() { e.nesting-- }()
		if e.nesting > e.lim.MaxNesting {
			return e.limit("nesting", s.Span, fmt.Sprintf("assignments chained deeper than %d levels", e.lim.MaxNesting))
		}
		return e.assign(s)
	case *ps.BadStatement:
		return unknown("does not parse")
	}
	e.walk(s)
	return unknown("value of " + statementName(s) + " needs execution")
}

func statementName(s ps.Statement) string {
	switch s.(type) {
	case *ps.IfStmt:
		return "an if statement"
	case *ps.SwitchStmt:
		return "a switch statement"
	case *ps.ForeachStmt, *ps.ForStmt, *ps.WhileStmt, *ps.DoStmt:
		return "a loop"
	case *ps.TryStmt:
		return "a try statement"
	case *ps.PipelineChain:
		return "a pipeline chain"
	}
	return "a statement"
}

// pipeline records the commands of a pipeline. Its output needs execution;
// the reason names the command that supplies it (user input first).
func (e *evaluator) pipeline(p *ps.Pipeline) value {
	reason := ""
	interactive := false
	start := e.traceMark()
	for _, el := range p.Elements {
		switch el := el.(type) {
		case *ps.Command:
			if pipelineSecretSink(el) {
				// `"S" | ConvertTo-SecureString -AsPlainText`: what is
				// piped in is a secret.
				e.sinkSince(start)
			}
			mark := e.traceMark()
			r, inter := e.command(el)
			if inter {
				// What a user types is not derived from the prompt.
				e.trace = e.trace[:mark]
			}
			if !interactive {
				reason, interactive = r, inter
			}
		case *ps.CommandExpr:
			e.eval(el.X)
		}
	}
	if reason == "" {
		reason = "pipeline output needs execution"
	}
	return unknown(reason)
}

// pipelineSecretSink reports a command whose pipeline input is a secret:
// ConvertTo-SecureString, or any command called with -AsPlainText.
func pipelineSecretSink(c *ps.Command) bool {
	if strings.EqualFold(canonicalCommandName(c.NameText), "ConvertTo-SecureString") {
		return true
	}
	for _, el := range c.Elements {
		if p, ok := el.(*ps.CommandParameter); ok && len(p.Name) >= 3 && len(p.Name) <= len("asplaintext") &&
			strings.EqualFold(p.Name, "asplaintext"[:len(p.Name)]) {
			return true
		}
	}
	return false
}

// assign evaluates an assignment statement and returns the value it
// outputs when used as a value (`$y = $x = 1`, `($x = 1)`).
func (e *evaluator) assign(a *ps.AssignmentStmt) value {
	target := a.TargetVariable()
	if target == nil {
		return e.assignOther(a)
	}
	mark := e.traceMark()
	secretTarget := IsSecretName(target.Name) || isSecureStringCast(a.Target)
	if secretTarget && userScope(target.Scope) {
		if word, ok := bareWordCommand(a.Value); ok {
			// `$PxWinAdminPassword = Hunter2!`: PowerShell would run the
			// password as a command; it must not surface as one.
			e.addSecret(a.Value.NodeSpan())
			val := value{kind: KindSecret, secret: describeSecret(word), reason: "not quoted: PowerShell runs it as a command"}
			out := val
			if e.cond > 0 {
				val.reason = "assigned inside a branch"
			}
			e.setVariable(target, a, val)
			return out
		}
	}
	rhs := unknown("does not parse") // the parser left the value out
	if a.Value != nil {
		rhs = e.stmtIn("value", a.Value)
	}
	if secretTarget {
		// A secret sink: $PxAppPassword, $env:PXLINT_PFX_PASSWORD, a
		// [securestring] variable.
		e.sinkSince(mark)
	}
	if !userScope(target.Scope) || target.Splat {
		// $env:X = ... and the like are not script variables.
		if secretTarget {
			return asAssignedTo(target.Name, value{kind: KindSecret, secret: &Secret{}, reason: "a secret"})
		}
		return rhs
	}
	switch e.lower(target.Name) {
	case "true", "false", "null", "_", "$", "?", "^":
		return rhs
	}
	if c, ok := a.Target.(*ps.ConvertExpr); ok {
		rhs = e.convert(c.Type, rhs, a.Value)
	}
	key := e.lower(target.Name)
	st := e.vars[key]
	old := known(nil)
	if st != nil {
		old = st.val // its own elements: no From
		if a.Operator != "=" {
			// `$x += ...` reads $x: its flow joins the new value's.
			e.readFlow(st.flow, target.Span)
			if secretTarget {
				e.sink(st.flow)
			}
		}
	}
	var rhsNode ps.Node
	if a.Value != nil {
		rhsNode = a.Value
	}
	if x := a.ValueExpr(); x != nil {
		rhsNode = x
	}
	var val value
	switch a.Operator {
	case "=":
		val = rhs
	case "+=":
		val = e.add(old, rhs, rhsNode, a.Span)
	case "-=", "*=", "/=", "%=":
		val = e.arithmetic(strings.TrimSuffix(a.Operator, "="), old, rhs, a.Span)
	case "??=":
		val = old
		if st == nil || old.kind == KindNull {
			val = rhs
		}
	default:
		val = unknown("assignment operator " + a.Operator + " is not evaluated")
	}
	if val.kind == KindArray && val.from != "" {
		// $PxCopy = $PxList: the elements stay where they were written.
		val = arrayOf(spliced(val))
	}
	if val.isKnown() && val.kind != KindArray && val.kind != KindHashtable {
		val.origin = e.scalarElement(rhsNode, val)
	}
	if a.Operator != "=" {
		val.quote = ""
	}
	if secretTarget || val.kind == KindSecret {
		val = e.secretize(val, rhsNode)
	}
	out := val
	if e.cond > 0 {
		if val.kind == KindSecret {
			val.reason = "assigned inside a branch"
		} else {
			val = unknown("assigned inside a branch")
		}
	}
	flow := e.flowSince(mark)
	if flow != nil {
		// The statement's part of the trace is now this one node, so that
		// a chain of assignments copies each item once, not once per link.
		e.trace = append(e.trace[:mark], flowItem{file: e.cur, span: a.Span, node: flow})
	}
	e.setVariable(target, a, val)
	e.vars[key].flow = flow
	return out
}

// isSecureStringCast reports an assignment target cast to [securestring]:
// whatever is assigned is meant to be a secret.
func isSecureStringCast(target ps.Expression) bool {
	c, ok := target.(*ps.ConvertExpr)
	return ok && isSecureStringType(c.Type)
}

// isSecureStringType reports [securestring] and [System.Security.SecureString].
func isSecureStringType(t *ps.TypeLiteral) bool {
	if t == nil {
		return false
	}
	name := strings.ToLower(strings.TrimSpace(t.Name))
	return name == "securestring" || name == "security.securestring" || name == "system.security.securestring"
}

// setVariable stores a value and updates the variable's policy-input record.
func (e *evaluator) setVariable(target *ps.Variable, a *ps.AssignmentStmt, val value) {
	key := e.lower(target.Name)
	st := e.vars[key]
	if st == nil {
		name := target.Name
		if c, ok := e.catalog[key]; ok {
			name = c
		}
		st = &varState{out: &Variable{Name: name}}
		e.vars[key] = st
		e.in.Variables[name] = st.out
	}
	val.from = ""
	st.val = val
	out := st.out
	vs := spanOf(a.Value)
	st.rhs, st.file = vs, e.cur
	out.SourceName = target.Name
	out.Kind = val.kind
	out.Value = nil
	if val.isKnown() {
		out.Value = val.v
	}
	out.Reason = truncate(val.reason)
	out.Quote = val.quote
	out.Line, out.Column = target.Span.Start.Line, target.Span.Start.Col
	out.Span = toSpan(a.Span)
	out.ValueSpan = toSpan(vs)
	out.Text = ""
	if val.kind != KindSecret && vs.Len() <= maxTextRunes {
		out.Text = e.text(vs)
	}
	out.Elements = nil
	if val.kind == KindArray {
		out.Elements = val.elems
	}
	out.Secret = val.secret
	out.File = ""
	if e.cur.nested {
		out.File = e.cur.rel
	}
	out.Assignments = append(out.Assignments, Assignment{
		Operator:    a.Operator,
		Line:        target.Span.Start.Line,
		Column:      target.Span.Start.Col,
		Span:        toSpan(a.Span),
		Conditional: e.cond > 0,
		File:        out.File,
	})
}

// assignOther handles assignments to something other than a plain
// variable: `$h.Key = 1`, `$a[0] = 1`, `$a, $b = 1, 2`. It returns the
// value the assignment outputs when used as a value.
func (e *evaluator) assignOther(a *ps.AssignmentStmt) value {
	mark := e.traceMark()
	rhs := unknown("does not parse")
	if a.Value != nil {
		rhs = e.stmtIn("value", a.Value)
	}
	switch t := a.Target.(type) {
	case *ps.ArrayLiteral:
		for _, x := range t.Elements {
			if v, ok := x.(*ps.Variable); ok && IsSecretName(v.Name) {
				e.sinkSince(mark) // which element goes where is not tracked
			}
		}
		for _, x := range t.Elements {
			if v, ok := x.(*ps.Variable); ok && userScope(v.Scope) && !v.Splat {
				e.setVariable(v, a, asAssignedTo(v.Name, unknown("assigned by a multiple assignment")))
			}
		}
	case *ps.MemberExpr, *ps.IndexExpr:
		if m, ok := t.(*ps.MemberExpr); ok && IsSecretName(m.Name) {
			e.sinkSince(mark) // $cred.Password = "..."
			rhs = asAssignedTo(m.Name, rhs)
		}
		base := baseVariable(t)
		if base == nil || !userScope(base.Scope) {
			e.exprIn("value", t)
			return rhs
		}
		e.withCtx("value", func() { e.lookup(base) })
		if st := e.vars[e.lower(base.Name)]; st != nil {
			// The variable keeps its assignments; only its value changes.
			st.val = unknown("changed by a member or index assignment on line " + strconv.Itoa(a.Span.Start.Line))
			if IsSecretName(base.Name) {
				e.sinkSince(mark)
				st.val = value{kind: KindSecret, secret: &Secret{}, reason: st.val.reason}
			}
			st.out.Kind, st.out.Value, st.out.Elements = st.val.kind, nil, nil
			st.out.Reason, st.out.Secret = st.val.reason, st.val.secret
		}
	default:
		if a.Target != nil {
			e.exprIn("value", a.Target)
		}
	}
	return rhs
}

// asAssignedTo returns v, or its secret form when the name holds a secret.
func asAssignedTo(name string, v value) value {
	if IsSecretName(name) {
		return value{kind: KindSecret, secret: &Secret{}, reason: v.reason}
	}
	return v
}

// baseVariable finds the variable a member or index chain starts from.
func baseVariable(x ps.Expression) *ps.Variable {
	for {
		switch t := x.(type) {
		case *ps.Variable:
			return t
		case *ps.MemberExpr:
			x = t.Target
		case *ps.IndexExpr:
			x = t.Target
		default:
			return nil
		}
	}
}

// secretize turns a value assigned to a secret variable into its
// description. A literal's span joins SecretSpans.
func (e *evaluator) secretize(v value, rhs ps.Node) value {
	switch {
	case v.kind == KindSecret:
		v.v, v.elems, v.origin, v.entries, v.quote = nil, nil, nil, nil, ""
		if v.secret == nil {
			v.secret = &Secret{}
		}
		return v
	case v.isKnown():
		s, _ := psString(v)
		if rhs != nil {
			e.addSecret(rhs.NodeSpan())
		}
		return value{kind: KindSecret, secret: describeSecret(s)}
	}
	return value{kind: KindSecret, secret: &Secret{}, reason: v.reason}
}

// bareWordCommand recognises a right-hand side that is one word PowerShell
// would run as a command but that names no cmdlet (not Verb-Noun, not a
// path, not a known command): an unquoted literal. It returns the words.
func bareWordCommand(s ps.Statement) (string, bool) {
	p, ok := s.(*ps.Pipeline)
	if !ok || len(p.Elements) != 1 {
		return "", false
	}
	c, ok := p.Elements[0].(*ps.Command)
	if !ok || c.Invocation != ps.InvokeDirect || c.NameText == "" || looksLikeCommand(c.NameText) {
		return "", false
	}
	if _, isWord := c.Name.(*ps.BareWord); !isWord {
		return "", false
	}
	text := c.NameText
	for _, el := range c.Elements {
		switch el := el.(type) {
		case *ps.BareWord:
			text += " " + el.Value
		default:
			return "", false
		}
	}
	return text, true
}

// cmdletName matches Verb-Noun command names (Read-Host, Get-Credential).
var cmdletName = regexp.MustCompile(`^[A-Za-z]+-[A-Za-z][A-Za-z0-9]*$`)

// looksLikeCommand reports whether a bare word names a command rather than
// being an unquoted value.
func looksLikeCommand(name string) bool {
	l := strings.ToLower(name)
	return cmdletName.MatchString(name) || strings.ContainsAny(name, `\/`) || lookupCommand(name) != nil ||
		strings.HasSuffix(l, ".ps1") || strings.HasSuffix(l, ".exe")
}

// scriptParams records the script's own param() block: each parameter is
// assigned, but the caller may pass any value, so it is unknown (its
// default is still evaluated for its references).
func (e *evaluator) scriptParams(pb *ps.ParamBlock) {
	if pb == nil {
		return
	}
	for _, d := range pb.Params {
		if d.Variable == nil || !userScope(d.Variable.Scope) {
			continue
		}
		var rhs ps.Statement = &ps.ExpressionStmt{Base: ps.Base{Span: d.Span}}
		val := unknown("script parameter: the caller may pass a value")
		def := known(nil)
		if d.Default != nil {
			rhs = &ps.ExpressionStmt{Base: ps.Base{Span: d.Default.NodeSpan()}, X: d.Default}
			def = e.exprIn("value", d.Default)
		}
		if IsSecretName(d.Variable.Name) {
			secret := &Secret{}
			if d.Default != nil && def.isKnown() {
				secret = e.secretize(def, d.Default).secret
			}
			val = value{kind: KindSecret, secret: secret, reason: val.reason}
		}
		a := &ps.AssignmentStmt{Base: ps.Base{Span: d.Span}, Target: d.Variable, Operator: "=", Value: rhs}
		e.cond++
		e.setVariable(d.Variable, a, val)
		e.cond--
	}
}
