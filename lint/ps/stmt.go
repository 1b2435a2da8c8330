package ps

import (
	"fmt"
	"strings"
)

// statementList parses statements up to closer (TokRParen, TokRBrace, or
// TokEOF for a whole file or region), which it does not consume.
func (p *parser) statementList(closer TokenKind) []Statement {
	var out []Statement
	for !p.stopped {
		t := p.peekNL(modeStatement)
		switch t.kind {
		case TokSemicolon:
			p.commit(t)
			continue
		case TokEOF:
			return out
		case TokRParen, TokRBrace:
			if closer != TokEOF {
				return out
			}
			tok := p.commit(t)
			p.errorf(tok.Span, "unexpected '%s': nothing to close here", tok.Text)
			continue
		}
		start, ndiags := p.off, len(p.diags)
		s := p.statement()
		if s != nil {
			out = append(out, s)
		}
		t = p.peek(modeStatement)
		switch t.kind {
		case TokNewline, TokSemicolon, TokEOF, TokRParen, TokRBrace:
			continue
		}
		if p.off > start && endsWithBlock(s) {
			continue
		}
		if len(p.diags) == ndiags { // one diagnostic per broken statement
			if d, ok := p.slip(s, t); ok {
				p.diags = append(p.diags, d)
			} else if r := p.editorBreakBefore(t.start); r != 0 {
				p.diags = append(p.diags, Diagnostic{Rule: RuleParseError, Span: p.spanOf(t),
					Message: fmt.Sprintf("unexpected %s: the %s before it is a space to PowerShell, not a line break "+
						"(editors show a new line there), so this continues the statement before it", describe(p.text[t.start:t.end]), editorBreakName(r)),
					Fix: "replace the character with a real line break (CR LF)"})
			} else if name := secretTarget(s); name != "" {
				// the text could be part of a password: not quoted back
				p.errorf(p.spanOf(t), "unexpected text in the value of $%s (not shown: it may be a secret)", name)
			} else {
				p.errorf(p.spanOf(t), "unexpected %s", describe(p.text[t.start:t.end]))
			}
		}
		if bad := p.recoverLine(); bad != nil {
			out = append(out, bad)
		}
	}
	return out
}

// endsWithBlock: statements after which another statement may follow on the
// same line (if (...) {...} $x is accepted by PowerShell).
func endsWithBlock(s Statement) bool {
	switch s.(type) {
	case *IfStmt, *ForeachStmt, *ForStmt, *WhileStmt, *DoStmt, *SwitchStmt, *TryStmt, *FunctionDef,
		*TrapStmt, *DataStmt, *TypeDef:
		return true
	}
	return false
}

func describe(text string) string {
	if len(text) > 40 {
		text = text[:40] + "…"
	}
	return "'" + text + "'"
}

// recoverLine skips to the end of the line (or a closer at the current
// nesting), returning what was skipped as a BadStatement.
func (p *parser) recoverLine() *BadStatement {
	start := p.here()
	startOff := p.off
	level := 0
	// What is skipped is already covered by the error that led here: an
	// unclosed quote in the rest of the line is its echo, not a new error.
	ndiags := len(p.diags)
	defer func() {
		if !p.stopped {
			p.diags = p.diags[:ndiags]
		}
	}()
	for !p.stopped {
		t := p.peek(modeCommand)
		switch t.kind {
		case TokEOF, TokNewline, TokSemicolon:
			if p.off == startOff {
				return nil
			}
			return &BadStatement{Base{p.spanFrom(start)}, p.text[startOff:p.off]}
		case TokLParen, TokLBrace, TokAtParen, TokAtBrace, TokDollarParen:
			level++
		case TokRParen, TokRBrace:
			if level == 0 {
				if p.off == startOff {
					return nil
				}
				return &BadStatement{Base{p.spanFrom(start)}, p.text[startOff:p.off]}
			}
			level--
		}
		p.commit(t)
	}
	return nil
}

// statement parses one statement at statement start.
func (p *parser) statement() Statement {
	t := p.peek(modeStatement)
	if t.kind == TokLBracket {
		if s, ok := p.attributedTypeDef(); ok {
			return s
		}
	}
	if t.kind == TokGeneric && t.end-t.start > 1 && p.text[t.start] == ':' {
		return p.labeledStatement()
	}
	if t.kind == TokKeyword {
		switch t.op {
		case "if":
			return p.ifStatement()
		case "foreach":
			return p.foreachStatement()
		case "for":
			return p.forStatement()
		case "while":
			return p.whileStatement()
		case "do":
			return p.doStatement()
		case "switch":
			return p.switchStatement()
		case "try":
			return p.tryStatement()
		case "function", "filter", "workflow":
			return p.functionDef()
		case "trap":
			return p.trapStatement()
		case "data":
			return p.dataStatement()
		case "class":
			return p.classDef()
		case "enum":
			return p.enumDef()
		case "throw", "return", "exit", "break", "continue":
			return p.flowStatement()
		case "param":
			pb := p.paramBlock(nil, p.here())
			if p.file.Params == nil && p.depth == 0 {
				p.file.Params = pb
			}
			return nil
		}
		// else, catch, begin, ... out of place are command names to
		// PowerShell (`else` alone runs a command named else), as are
		// trap, data, class, enum, using and configuration here.
	}
	return p.pipelineChain()
}

func (p *parser) pipelineChain() Statement {
	start := p.here()
	left := p.pipeline()
	chain := 0 // a && b && c nests (a && b) && c: count it toward the depth bound
	defer func() { p.depth -= chain }()
	for !p.stopped {
		t := p.peek(modeStatement)
		if t.kind != TokAndAnd && t.kind != TokOrOr {
			return left
		}
		op := p.commit(t)
		p.skipNL()
		chain++
		if !p.enter() {
			return left
		}
		right := p.pipeline()
		left = &PipelineChain{Base{p.spanFrom(start)}, left, op.Text, right}
	}
	return left
}

// pipeline parses an assignment or a pipeline.
func (p *parser) pipeline() Statement {
	start := p.here()
	first, x := p.pipelineElement()
	if x != nil {
		t := p.peek(modeExpr)
		if t.kind == TokAssign {
			return p.assignment(start, x, t)
		}
		first = p.commandExpr(start, x)
	}
	elems := []PipelineElement{first}
	for !p.stopped {
		t := p.peek(modeStatement)
		if t.kind == TokAmpersand && p.backgroundOperator() {
			p.commit(t) // `cmd &` runs the pipeline as a background job
			break
		}
		if t.kind != TokPipe {
			break
		}
		p.commit(t)
		p.skipNL()
		if k := p.peek(modeStatement).kind; isCommandEnd(k) {
			p.errorf(p.spanOf(p.peek(modeStatement)), "an empty pipe element: a command must follow '|'")
			break
		}
		el, x := p.pipelineElement()
		if x != nil {
			p.errorf(x.NodeSpan(), "expressions are only allowed as the first element of a pipeline")
			el = p.commandExpr(x.NodeSpan().Start, x)
		}
		elems = append(elems, el)
	}
	if len(elems) == 1 {
		if ce, ok := first.(*CommandExpr); ok {
			return &ExpressionStmt{Base: ce.Base, X: ce.X, Redirections: ce.Redirections}
		}
	}
	return &Pipeline{Base{p.spanFrom(start)}, elems}
}

func (p *parser) commandExpr(start Pos, x Expression) *CommandExpr {
	ce := &CommandExpr{Base: Base{x.NodeSpan()}, X: x}
	for !p.stopped {
		t := p.peek(modeCommand)
		if t.kind != TokRedirection {
			break
		}
		ce.Redirections = append(ce.Redirections, p.redirection(t))
	}
	ce.Span = ce.Span.Join(p.spanFrom(start))
	return ce
}

// pipelineElement parses a command, or returns the expression at a pipeline
// element position (the caller decides between assignment and CommandExpr).
func (p *parser) pipelineElement() (PipelineElement, Expression) {
	t := p.peek(modeStatement)
	switch t.kind {
	case TokGeneric, TokKeyword:
		return p.command(InvokeDirect), nil
	case TokAmpersand:
		return p.command(InvokeCall), nil
	case TokDot:
		return p.command(InvokeDot), nil
	}
	return nil, p.expression()
}

func (p *parser) assignment(start Pos, target Expression, opTok rawTok) Statement {
	op := p.commit(opTok)
	if why := invalidTarget(target, op.Text); why != "" {
		p.errorf(target.NodeSpan(), "%s", why)
	}
	p.skipNL()
	a := &AssignmentStmt{Target: target, Operator: op.Text, OpSpan: op.Span}
	if !p.enter() {
		a.Span = p.spanFrom(start)
		return a
	}
	if k := p.peek(modeStatement).kind; k == TokEOF || k == TokRParen || k == TokRBrace || k == TokSemicolon {
		p.errorf(op.Span, "'%s' needs a value on its right", op.Text)
		a.Value = &ExpressionStmt{Base: Base{Span{op.Span.End, op.Span.End}}, X: &BadExpr{Base: Base{Span{op.Span.End, op.Span.End}}}}
	} else {
		a.Value = p.statement()
	}
	p.leave()
	a.Span = p.spanFrom(start)
	return a
}

// command parses a command call; the name (or `&`/`.`) is next.
func (p *parser) command(inv Invocation) *Command {
	start := p.here()
	c := &Command{Invocation: inv}
	if inv == InvokeDirect {
		t := p.next(modeStatement)
		c.Name = p.bareWord(t)
		c.NameText = c.Name.(*BareWord).Value
	} else {
		t := p.next(modeStatement)
		c.InvocationSpan = t.Span
		if k := p.peek(modeCommand).kind; isCommandEnd(k) {
			p.errorf(t.Span, "'%s' needs a command to run", t.Text)
			c.Span = p.spanFrom(start)
			return c
		}
		c.Name = p.commandArgument()
		switch n := c.Name.(type) {
		case *BareWord:
			c.NameText = n.Value
		case *StringLiteral:
			c.NameText = n.Value
		}
	}
	p.commandElements(c)
	c.Span = p.spanFrom(start)
	return c
}

func isCommandEnd(k TokenKind) bool {
	switch k {
	case TokNewline, TokSemicolon, TokEOF, TokRParen, TokRBrace, TokPipe, TokAndAnd, TokOrOr:
		return true
	}
	return false
}

// commandElements parses parameters, arguments and redirections up to the
// end of the command.
func (p *parser) commandElements(c *Command) {
	for !p.stopped {
		t := p.peek(modeCommand)
		switch {
		case isCommandEnd(t.kind):
			return
		case t.kind == TokParameter:
			tok := p.commit(t)
			cp := &CommandParameter{Base: Base{tok.Span}, Text: tok.Text, Typographic: tok.Typographic()}
			_, w := runeAt(tok.Text, 0)
			cp.Name = strings.TrimSuffix(tok.Text[w:], ":")
			if strings.HasSuffix(tok.Text, ":") {
				cp.Colon = true
				if k := p.peek(modeCommand).kind; !isCommandEnd(k) && k != TokParameter {
					cp.Argument = p.commandArgument()
					cp.Span = cp.Span.Join(cp.Argument.NodeSpan())
				} else {
					p.errorf(tok.Span, "the parameter %s needs a value after the colon", tok.Text)
				}
			}
			c.Elements = append(c.Elements, cp)
		case t.kind == TokRedirection:
			c.Redirections = append(c.Redirections, p.redirection(t))
		case t.kind == TokAmpersand && p.backgroundOperator():
			return
		case t.kind == TokComma:
			tok := p.commit(t)
			p.errorf(tok.Span, "missing argument before ','")
		default:
			off := p.off
			arg := p.commandArgument()
			if p.off == off { // nothing consumed: do not loop
				tok := p.commit(p.peek(modeCommand))
				arg = &BadExpr{Base{tok.Span}, tok.Text}
			}
			if bw, ok := arg.(*BareWord); ok && isEscapedSpace(bw.Text) && p.peek(modeCommand).kind == TokNewline {
				p.errorf(bw.Span, "white space after the line-continuation backtick: the command ends on this line")
			}
			c.Elements = append(c.Elements, arg)
		}
	}
}

// backgroundOperator reports an `&` (next) that ends its pipeline:
// `Start-Thing &` runs it as a job. Any other `&` is the call operator.
func (p *parser) backgroundOperator() bool {
	m := p.mark()
	defer p.reset(m)
	p.commit(p.peek(modeCommand))
	return isCommandEnd(p.peek(modeCommand).kind)
}

func (p *parser) redirection(t rawTok) *Redirection {
	tok := p.commit(t)
	r := &Redirection{Base: Base{tok.Span}, Operator: tok.Text}
	if strings.Contains(tok.Text, "&") {
		return r
	}
	if k := p.peek(modeCommand).kind; isCommandEnd(k) {
		p.errorf(tok.Span, "the redirection %s needs a target", tok.Text)
		return r
	}
	r.Target = p.commandPrimary()
	r.Span = r.Span.Join(r.Target.NodeSpan())
	return r
}

// commandArgument is one argument: a primary, or a comma list of them.
func (p *parser) commandArgument() Expression {
	start := p.here()
	x := p.commandPrimary()
	if p.peek(modeCommand).kind != TokComma {
		return x
	}
	list := &ArrayLiteral{Elements: []Expression{x}}
	for !p.stopped && p.peek(modeCommand).kind == TokComma {
		p.next(modeCommand)
		p.skipNL()
		list.Elements = append(list.Elements, p.commandPrimary())
	}
	list.Span = p.spanFrom(start)
	return list
}

// commandPrimary is a bare word, a number, or a primary expression with
// adjacent postfix operators ($x.Name, $a[0], "...", (...), @(...), {...}).
func (p *parser) commandPrimary() Expression {
	start := p.here()
	t := p.peek(modeCommand)
	switch t.kind {
	case TokGeneric:
		return p.genericArg(p.commit(t))
	case TokNumber:
		return p.number(p.commit(t))
	}
	x := p.postfixIn(p.primary(modeCommand), true)
	// $PSScriptRoot\vars.ps1: a value directly followed by a bare word is
	// one argument, the concatenation of both.
	if (isVariable(x) || isSubExpression(x)) && p.adjacent() {
		if t := p.peekRaw(modeCommand); t.kind == TokGeneric {
			tail := p.genericArg(p.commit(t))
			parts := []Expression{x}
			if xs, ok := tail.(*ExpandableString); ok {
				parts = append(parts, xs.Parts...)
			} else {
				bw := tail.(*BareWord)
				parts = append(parts, &StringText{Base: bw.Base, Raw: bw.Text, Value: bw.Value})
			}
			sp := p.spanFrom(start)
			return &ExpandableString{Base: Base{sp}, Quote: QuoteNone, Raw: p.src.Slice(sp), Parts: parts}
		}
	}
	return x
}

func isVariable(x Expression) bool {
	v, ok := x.(*Variable)
	return ok && !v.Splat
}

func isSubExpression(x Expression) bool {
	_, ok := x.(*SubExpression)
	return ok
}

// genericArg converts a command-mode bare word: a BareWord, or an
// ExpandableString (QuoteNone) when it holds variables (.\$name.ps1).
func (p *parser) genericArg(t Token) Expression {
	if strings.IndexByte(t.Text, '$') >= 0 {
		if parts, lit := p.expandParts(t, 0, len(t.Text), false); lit == nil {
			return &ExpandableString{Base: Base{t.Span}, Quote: QuoteNone, Raw: t.Text, Parts: parts}
		}
	}
	return p.bareWord(t)
}

// ----------------------------------------------------------- compound

// parenCondition parses `( pipeline )` after if/while/switch/elseif.
func (p *parser) parenCondition(what string) Statement {
	p.skipNL()
	t := p.peek(modeExpr)
	if t.kind != TokLParen {
		p.errorf(p.spanOf(t), "missing '(' after %s", what)
		return nil
	}
	open := p.commit(t)
	if !p.enter() {
		return nil
	}
	defer p.leave()
	p.skipNL()
	var s Statement
	if k := p.peek(modeStatement).kind; k == TokRParen {
		p.errorf(open.Span, "missing condition in %s", what)
	} else {
		s = p.statement()
	}
	p.expectAfterNL(TokRParen, open)
	return s
}

// expectAfterNL commits a closer that may follow newlines; when it is
// missing, the newlines stay for the statement list (so the next line
// parses as the next statement) and the opener is reported.
func (p *parser) expectAfterNL(k TokenKind, open Token) bool {
	m := p.mark()
	p.skipNL()
	if p.peek(modeExpr).kind == k {
		p.next(modeExpr)
		return true
	}
	p.reset(m)
	return p.expect(k, open)
}

// expect commits a closer or reports it missing (pointing at the opener).
func (p *parser) expect(k TokenKind, open Token) bool {
	t := p.peek(modeExpr)
	if t.kind == k {
		p.commit(t)
		return true
	}
	if !p.stopped {
		p.errorf(open.Span, "missing closing '%s' for the '%s' at line %d", k, open.Text, open.Span.Start.Line)
	}
	return false
}

// block parses `{ statements }` as a body.
func (p *parser) block(what string) *BlockStmt {
	p.skipNL()
	start := p.here()
	t := p.peek(modeExpr)
	if t.kind != TokLBrace {
		p.errorf(p.spanOf(t), "missing '{' to open the body of %s", what)
		return &BlockStmt{Base: Base{Span{start, start}}}
	}
	open := p.commit(t)
	b := &BlockStmt{}
	if p.enter() {
		b.Statements = p.statementList(TokRBrace)
		p.expect(TokRBrace, open)
	}
	p.leave()
	b.Span = p.spanFrom(start)
	return b
}

// nextKeyword commits the next keyword (after newlines) when it is one of
// want, else leaves the input untouched.
func (p *parser) nextKeyword(want ...string) (Token, bool) {
	m := p.mark()
	t := p.peekNL(modeStatement)
	if t.kind == TokKeyword {
		for _, w := range want {
			if t.op == w {
				return p.commit(t), true
			}
		}
	}
	p.reset(m)
	return Token{}, false
}

func (p *parser) ifStatement() Statement {
	start := p.here()
	s := &IfStmt{}
	kw := p.next(modeStatement)
	for {
		cl := &IfClause{Keyword: kw.Op}
		cl.Condition = p.parenCondition(kw.Op)
		cl.Body = p.block(kw.Op)
		cl.Span = Span{kw.Span.Start, p.last}
		s.Clauses = append(s.Clauses, cl)
		if p.stopped {
			break
		}
		next, ok := p.nextKeyword("elseif", "else")
		if !ok {
			break
		}
		if next.Op == "else" {
			s.Else = p.block("else")
			break
		}
		kw = next
	}
	s.Span = p.spanFrom(start)
	return s
}

func (p *parser) foreachStatement() Statement {
	start := p.here()
	p.next(modeStatement)
	s := &ForeachStmt{}
	for p.peek(modeCommand).kind == TokParameter { // -Parallel
		p.next(modeCommand)
	}
	p.skipNL()
	t := p.peek(modeExpr)
	if t.kind != TokLParen {
		p.errorf(p.spanOf(t), "missing '(' after foreach")
		s.Span = p.spanFrom(start)
		return s
	}
	open := p.commit(t)
	if !p.enter() {
		return s
	}
	p.skipNL()
	if v := p.peek(modeExpr); v.kind == TokVariable {
		s.Variable = p.variable(p.commit(v))
	} else {
		p.errorf(p.spanOf(v), "missing the loop variable in foreach")
	}
	p.skipNL()
	if in := p.peek(modeMember); in.kind == TokIdentifier && strings.EqualFold(p.text[in.start:in.end], "in") {
		p.commit(in)
		p.skipNL()
		s.Iterable = p.statement()
	} else {
		p.errorf(p.spanOf(in), "missing 'in' in foreach")
	}
	p.skipNL()
	p.expect(TokRParen, open)
	p.leave()
	s.Body = p.block("foreach")
	s.Span = p.spanFrom(start)
	return s
}

func (p *parser) forStatement() Statement {
	start := p.here()
	p.next(modeStatement)
	s := &ForStmt{}
	p.skipNL()
	t := p.peek(modeExpr)
	if t.kind != TokLParen {
		p.errorf(p.spanOf(t), "missing '(' after for")
		s.Span = p.spanFrom(start)
		return s
	}
	open := p.commit(t)
	if !p.enter() {
		return s
	}
	parts := [3]Statement{}
	for i := 0; i < 3 && !p.stopped; i++ {
		p.skipNL()
		k := p.peek(modeStatement).kind
		if k != TokSemicolon && k != TokRParen {
			parts[i] = p.statement()
		}
		p.skipNL()
		if i < 2 && p.peek(modeStatement).kind == TokSemicolon {
			p.next(modeStatement)
		}
	}
	s.Init, s.Condition, s.Step = parts[0], parts[1], parts[2]
	p.skipNL()
	p.expect(TokRParen, open)
	p.leave()
	s.Body = p.block("for")
	s.Span = p.spanFrom(start)
	return s
}

func (p *parser) whileStatement() Statement {
	start := p.here()
	p.next(modeStatement)
	s := &WhileStmt{}
	s.Condition = p.parenCondition("while")
	s.Body = p.block("while")
	s.Span = p.spanFrom(start)
	return s
}

func (p *parser) doStatement() Statement {
	start := p.here()
	p.next(modeStatement)
	s := &DoStmt{}
	s.Body = p.block("do")
	if kw, ok := p.nextKeyword("while", "until"); ok {
		s.Until = kw.Op == "until"
		s.Condition = p.parenCondition(kw.Op)
	} else if !p.stopped {
		p.errorf(s.Body.Span, "missing 'while' or 'until' after the do block")
	}
	s.Span = p.spanFrom(start)
	return s
}

func (p *parser) switchStatement() Statement {
	start := p.here()
	p.next(modeStatement)
	s := &SwitchStmt{}
	file := false
	for p.peek(modeCommand).kind == TokParameter {
		flag := p.next(modeCommand)
		s.Flags = append(s.Flags, flag.Text)
		if isPrefixOf(flag.Op, "-file") {
			file = true // switch -File path { ... }: the lines of a file, no (value)
			if k := p.peek(modeCommand).kind; isCommandEnd(k) || k == TokLBrace {
				p.errorf(flag.Span, "switch %s needs a file name", flag.Text)
			} else {
				v := p.commandPrimary()
				s.Value = &ExpressionStmt{Base: Base{v.NodeSpan()}, X: v}
			}
		}
	}
	if !file {
		s.Value = p.parenCondition("switch")
	}
	p.skipNL()
	t := p.peek(modeExpr)
	if t.kind != TokLBrace {
		p.errorf(p.spanOf(t), "missing '{' to open the switch clauses")
		s.Span = p.spanFrom(start)
		return s
	}
	open := p.commit(t)
	if p.enter() {
		for !p.stopped {
			t := p.peekNL(modeCommand)
			if t.kind == TokSemicolon {
				p.commit(t)
				continue
			}
			if t.kind == TokRBrace || t.kind == TokEOF {
				break
			}
			cstart := p.here()
			if t.kind == TokGeneric && strings.EqualFold(p.text[t.start:t.end], "default") {
				tok := p.commit(t)
				if s.Default != nil {
					p.errorf(tok.Span, "a switch has only one default clause")
				}
				s.Default = p.block("default")
				continue
			}
			off := p.off
			pat := p.commandPrimary()
			if p.off == off {
				p.commit(p.peek(modeCommand))
			}
			body := p.block("a switch clause")
			s.Clauses = append(s.Clauses, &SwitchClause{Base{p.spanFrom(cstart)}, pat, body})
		}
		p.expect(TokRBrace, open)
	}
	p.leave()
	s.Span = p.spanFrom(start)
	return s
}

func (p *parser) tryStatement() Statement {
	start := p.here()
	kw := p.next(modeStatement)
	s := &TryStmt{}
	s.Body = p.block("try")
	for !p.stopped {
		next, ok := p.nextKeyword("catch", "finally")
		if !ok {
			break
		}
		if next.Op == "finally" {
			s.Finally = p.block("finally")
			p.checkFinally(s.Finally.Statements, false)
			break
		}
		cc := &CatchClause{}
		for !p.stopped {
			t := p.peekNL(modeExpr) // catch⏎ [int]⏎ { }: newlines may separate the parts
			if t.kind != TokLBracket {
				break
			}
			s := p.here()
			cc.Types = append(cc.Types, p.typeLiteral(s))
			if p.peekNL(modeExpr).kind == TokComma {
				p.next(modeExpr)
				p.skipNL()
			}
		}
		cc.Body = p.block("catch")
		cc.Span = Span{next.Span.Start, p.last}
		s.Catches = append(s.Catches, cc)
	}
	if len(s.Catches) == 0 && s.Finally == nil && !p.stopped {
		p.errorf(kw.Span, "try needs a catch or finally block")
	}
	s.Span = p.spanFrom(start)
	return s
}

func (p *parser) functionDef() Statement {
	start := p.here()
	kw := p.next(modeStatement)
	f := &FunctionDef{Keyword: kw.Op}
	t := p.peek(modeCommand)
	if t.kind != TokGeneric {
		p.errorf(p.spanOf(t), "missing the %s name", kw.Op)
	} else {
		tok := p.commit(t)
		f.Name, f.NameSpan = tok.Text, tok.Span
	}
	p.skipNL()
	if t := p.peek(modeExpr); t.kind == TokLParen {
		open := p.commit(t)
		if p.enter() {
			f.Params = p.paramList(open)
		}
		p.leave()
		p.skipNL()
	}
	t = p.peek(modeExpr)
	if t.kind != TokLBrace {
		p.errorf(p.spanOf(t), "missing '{' to open the body of %s %s", kw.Op, f.Name)
		f.Span = p.spanFrom(start)
		return f
	}
	f.Body = p.scriptBlock()
	f.Span = p.spanFrom(start)
	return f
}

// labeledStatement parses `:label loop`; the label is next. Only a loop
// or a switch may carry a label, on the label's line.
func (p *parser) labeledStatement() Statement {
	label := p.next(modeStatement)
	t := p.peekNL(modeStatement)
	if t.kind == TokKeyword {
		switch t.op {
		case "for", "foreach", "while", "do", "switch":
			return p.statement()
		}
	}
	p.errorf(label.Span, "the label %s must be followed by a loop or a switch on the same line", label.Text)
	return &BadStatement{Base{label.Span}, label.Text}
}

// trapStatement parses `trap [Type] { body }`; the keyword is next.
func (p *parser) trapStatement() Statement {
	start := p.here()
	kw := p.next(modeStatement)
	s := &TrapStmt{}
	if t := p.peekNL(modeExpr); t.kind == TokLBracket {
		s.Type = p.typeLiteral(p.here())
	}
	if p.peekNL(modeExpr).kind != TokLBrace {
		p.errorf(kw.Span, "missing the { } block of the trap statement")
		s.Span = p.spanFrom(start)
		return s
	}
	s.Body = p.block("trap")
	s.Span = p.spanFrom(start)
	return s
}

// dataStatement parses `data [Name] [-SupportedCommand a, b] { body }`;
// the keyword is next.
func (p *parser) dataStatement() Statement {
	start := p.here()
	kw := p.next(modeStatement)
	s := &DataStmt{}
	if t := p.peek(modeCommand); t.kind == TokGeneric {
		s.Name = p.commit(t).Text
	}
	if t := p.peek(modeCommand); t.kind == TokParameter {
		tok := p.commit(t)
		name := strings.ToLower(tok.Op)
		if !isPrefixOf(name, "-supportedcommand") {
			p.errorf(tok.Span, "%s is not a parameter of a data section (only -SupportedCommand)", tok.Text)
			p.recoverLine()
			s.Span = p.spanFrom(start)
			return s
		}
		for !p.stopped {
			k := p.peek(modeCommand).kind
			if k != TokGeneric && k != TokString && k != TokExpandableString {
				p.errorf(tok.Span, "%s needs a command name", tok.Text)
				s.Span = p.spanFrom(start)
				return s
			}
			p.commandPrimary()
			if p.peek(modeCommand).kind != TokComma {
				break
			}
			p.next(modeCommand)
			p.skipNL()
		}
	}
	if p.peekNL(modeExpr).kind != TokLBrace {
		p.errorf(kw.Span, "missing the { } block of the data section")
		s.Span = p.spanFrom(start)
		return s
	}
	s.Body = p.block("data")
	s.Span = p.spanFrom(start)
	return s
}

func (p *parser) flowStatement() Statement {
	start := p.here()
	kw := p.next(modeStatement)
	s := &FlowStmt{Keyword: kw.Op}
	if t := p.peek(modeCommand); t.kind == TokGeneric && (kw.Op == "break" || kw.Op == "continue") {
		label := p.bareWord(p.commit(t)) // break outer: a loop label, not a command
		s.Value = &ExpressionStmt{Base: label.Base, X: label}
	} else if k := p.peek(modeStatement).kind; !isCommandEnd(k) {
		s.Value = p.pipelineChain()
	}
	s.Span = p.spanFrom(start)
	return s
}

// scriptBlock parses `{ [param(...)] statements | named blocks }`; the `{` is next.
func (p *parser) scriptBlock() *ScriptBlock {
	start := p.here()
	open := p.next(modeExpr)
	sb := &ScriptBlock{}
	if !p.enter() {
		sb.Span = p.spanFrom(start)
		return sb
	}
	defer p.leave()
	sb.Params = p.maybeParamBlock()
	if p.namedBlockNext() {
		sb.Named = p.namedBlocks(TokRBrace)
	} else {
		sb.Statements = p.statementList(TokRBrace)
	}
	p.skipNL()
	p.expect(TokRBrace, open)
	sb.Span = p.spanFrom(start)
	return sb
}

func isNamedBlock(op string) bool {
	return op == "begin" || op == "process" || op == "end" || op == "dynamicparam" || op == "clean"
}

// namedBlockNext reports a named block keyword as the first statement of
// a script or script block: only there does `begin` open a block.
func (p *parser) namedBlockNext() bool {
	t := p.peekNL(modeStatement)
	return t.kind == TokKeyword && isNamedBlock(t.op)
}

// namedBlocks parses `begin {…} process {…} end {…}` up to closer; once a
// body is made of named blocks, anything else in it is an error.
func (p *parser) namedBlocks(closer TokenKind) []*NamedBlock {
	var out []*NamedBlock
	for !p.stopped {
		t := p.peekNL(modeStatement)
		if t.kind == TokEOF || t.kind == closer {
			break
		}
		if t.kind == TokSemicolon {
			p.commit(t)
			continue
		}
		if t.kind != TokKeyword || !isNamedBlock(t.op) {
			p.errorf(p.spanOf(t), "unexpected %s: a body made of begin/process/end blocks holds nothing else", describe(p.text[t.start:t.end]))
			if bad := p.recoverLine(); bad == nil {
				if t := p.peekNL(modeStatement); t.kind != TokEOF && t.kind != closer {
					p.commit(t) // always make progress
				}
			}
			continue
		}
		kw := p.commit(t)
		if k := p.peekNL(modeExpr).kind; k != TokLBrace {
			p.errorf(kw.Span, "missing '{' to open the %s block", kw.Op)
			continue
		}
		body := p.block(kw.Op)
		out = append(out, &NamedBlock{Base{Span{kw.Span.Start, p.last}}, kw.Op, body})
	}
	return out
}

// maybeParamBlock parses `[attributes] param(...)` when it comes next.
func (p *parser) maybeParamBlock() *ParamBlock {
	m := p.mark()
	var start Pos // of the first attribute, else of the keyword
	var attrs []Expression
	for !p.stopped {
		t := p.peekNL(modeStatement)
		if len(attrs) == 0 {
			start = p.here()
		}
		if t.kind == TokKeyword && t.op == "param" {
			return p.paramBlock(attrs, start)
		}
		if t.kind != TokLBracket {
			break
		}
		attrs = append(attrs, p.typeLiteral(p.here()))
	}
	p.reset(m) // attributes without param(): an expression statement after all
	return nil
}

// paramBlock parses `param( ... )`; the keyword is next.
func (p *parser) paramBlock(attrs []Expression, start Pos) *ParamBlock {
	kw := p.next(modeStatement)
	pb := &ParamBlock{Attributes: attrs}
	p.skipNL()
	t := p.peek(modeExpr)
	if t.kind != TokLParen {
		p.errorf(kw.Span, "missing '(' after param")
		pb.Span = p.spanFrom(start)
		return pb
	}
	open := p.commit(t)
	if p.enter() {
		pb.Params = p.paramList(open)
	}
	p.leave()
	pb.Span = p.spanFrom(start)
	return pb
}

// paramList parses parameter declarations up to and including `)`.
func (p *parser) paramList(open Token) []*ParamDecl {
	var out []*ParamDecl
	for !p.stopped {
		t := p.peekNL(modeExpr)
		if t.kind == TokRParen {
			p.commit(t)
			return out
		}
		if t.kind == TokEOF {
			break
		}
		start := p.here()
		d := &ParamDecl{}
		for !p.stopped {
			t := p.peekNL(modeExpr)
			if t.kind != TokLBracket {
				break
			}
			d.Attributes = append(d.Attributes, p.typeLiteral(p.here()))
		}
		t = p.peekNL(modeExpr)
		if t.kind != TokVariable {
			p.errorf(p.spanOf(t), "expected a parameter variable")
			if t.kind == TokEOF || t.kind == TokRBrace {
				break
			}
			if t.kind != TokRParen {
				p.commit(t) // always make progress
				p.recoverLine()
			}
			continue
		}
		d.Variable = p.variable(p.commit(t))
		if a := p.peek(modeExpr); a.kind == TokAssign && a.op == "=" {
			p.commit(a)
			p.skipNL()
			d.Default = p.expressionNoComma()
		}
		d.Span = p.spanFrom(start)
		for _, o := range out {
			if o.Variable != nil && strings.EqualFold(o.Variable.Name, d.Variable.Name) {
				p.errorf(d.Variable.Span, "duplicate parameter $%s", d.Variable.Name)
				break
			}
		}
		out = append(out, d)
		if c := p.peekNL(modeExpr); c.kind == TokComma {
			p.commit(c)
		}
	}
	p.errorf(open.Span, "missing closing ')' for the parameter list at line %d", open.Span.Start.Line)
	return out
}

// isEscapedSpace reports a backtick followed only by white space: at a line
// end it escapes the space instead of continuing the line.
func isEscapedSpace(text string) bool {
	return len(text) > 1 && text[0] == '`' && strings.Trim(text[1:], " \t") == ""
}

// invalidTarget says why target cannot be assigned with op, or "".
// PowerShell accepts a variable (also cast: [int]$x), an index, a member,
// and with `=` only a list of those ($a, $b = 1, 2), also in parentheses.
func invalidTarget(target Expression, op string) string {
	switch t := target.(type) {
	case *Variable:
		if !t.Splat {
			return ""
		}
	case *ConvertExpr:
		return invalidTarget(t.X, op)
	case *IndexExpr:
		if !t.Nullable {
			return ""
		}
		return fmt.Sprintf("the left side of '%s' cannot use ?[ ]: a null-conditional index is not assignable", op)
	case *MemberExpr:
		if !t.Nullable {
			return ""
		}
		return fmt.Sprintf("the left side of '%s' cannot use ?.: a null-conditional member is not assignable", op)
	case *ArrayLiteral:
		if op != "=" {
			return fmt.Sprintf("'%s' cannot assign to a list of variables; only '=' can ($a, $b = 1, 2)", op)
		}
		for _, x := range t.Elements {
			if why := invalidTarget(x, op); why != "" {
				return why
			}
		}
		return ""
	case *ParenExpr:
		if x := StatementExpr(t.Inner); x != nil && op == "=" {
			return invalidTarget(x, op)
		}
	}
	return fmt.Sprintf("the left side of '%s' must be a variable", op)
}

// checkFinally reports return, break and continue that would leave a
// finally block (PowerShell rejects them); inLoop: inside a loop or
// switch of the block, where break and continue stay inside. Bodies of
// broken statements may be nil.
func (p *parser) checkFinally(list []Statement, inLoop bool) {
	body := func(b *BlockStmt, loop bool) {
		if b != nil {
			p.checkFinally(b.Statements, loop)
		}
	}
	for _, st := range list {
		switch s := st.(type) {
		case *FlowStmt:
			if s.Keyword == "return" || !inLoop && (s.Keyword == "break" || s.Keyword == "continue") {
				p.errorf(s.Span, "%s cannot leave a finally block", s.Keyword)
			}
		case *IfStmt:
			for _, c := range s.Clauses {
				body(c.Body, inLoop)
			}
			body(s.Else, inLoop)
		case *BlockStmt:
			body(s, inLoop)
		case *TryStmt:
			body(s.Body, inLoop)
			for _, c := range s.Catches {
				body(c.Body, inLoop)
			}
		case *ForeachStmt:
			body(s.Body, true)
		case *ForStmt:
			body(s.Body, true)
		case *WhileStmt:
			body(s.Body, true)
		case *DoStmt:
			body(s.Body, true)
		}
	}
}

// slip recognises common slips behind an unexpected token t after
// statement s, with a specific message and fix: a typographic quote that
// ended a string early, or a missing comma between two values. The
// messages name no value (it could be a secret).
func (p *parser) slip(s Statement, t rawTok) (Diagnostic, bool) {
	sp := p.spanOf(t)
	if toks := *p.toks; len(toks) > 0 {
		prev := toks[len(toks)-1]
		if prev.off+len(prev.Text) == t.start && (prev.Kind == TokString || prev.Kind == TokExpandableString) && !prev.Unterminated() {
			if q, _ := lastRune(prev.Text); q >= 0x80 && isQuote(q) {
				fix := fmt.Sprintf("write the %c twice inside the string (%c%c), or replace it with a plain apostrophe inside \"…\"", q, q, q)
				if isDoubleQuote(q) {
					fix = fmt.Sprintf("write the %c twice inside the string (%c%c), or use '…' around text that holds it", q, q, q)
				}
				return Diagnostic{Rule: RuleParseError, Span: sp, Fix: fix,
					Message: fmt.Sprintf("the typographic quote %c at line %d, column %d ends the string early: PowerShell reads ‘ ’ ‚ ‛ “ ” „ as quotes",
						q, prev.Span.End.Line, prev.Span.End.Col-1)}, true
			}
		}
	}
	if x := StatementExpr(s); x != nil && startsValue(t) && s.NodeSpan().End.Line == sp.Start.Line {
		return Diagnostic{Rule: RuleParseError, Span: sp,
			Message: "missing ',' before this value: two values follow each other on one line",
			Fix:     "separate the values with a comma (\"a\", \"b\")"}, true
	}
	return Diagnostic{}, false
}

// startsValue: a literal or variable that could be the next element of a list.
func startsValue(t rawTok) bool {
	switch t.kind {
	case TokString, TokExpandableString, TokNumber, TokVariable:
		return true
	}
	return false
}

// isPrefixOf reports a parameter written as a prefix of the full name
// (-f for -file), as PowerShell binds abbreviated parameters.
func isPrefixOf(written, full string) bool {
	return len(written) > 1 && len(written) <= len(full) && full[:len(written)] == written
}

// secretTarget returns the name of the variable s assigns when the name
// says it holds a secret (*password*, *secret*, as DESIGN defines
// secrets), else "".
func secretTarget(s Statement) string {
	a, ok := s.(*AssignmentStmt)
	if !ok {
		return ""
	}
	v := a.TargetVariable()
	if v == nil {
		return ""
	}
	if IsSecretName(v.Name) {
		return v.Name
	}
	return ""
}
