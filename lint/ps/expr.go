package ps

import (
	"strings"
)

// binary operator precedence, lowest first (about_Operator_Precedence).
// The comma binds tighter than all of them and is handled below them.
func binaryPrec(op string) int {
	switch op {
	case "-and", "-or", "-xor":
		return 1
	case "-band", "-bor", "-bxor":
		return 2
	case "+", "-":
		return 4
	case "*", "/", "%":
		return 5
	case "-f":
		return 6
	case "..":
		return 7
	case "??":
		return 1
	}
	if _, ok := dashOperators[strings.TrimPrefix(op, "-")]; ok && len(op) > 1 && op[0] == '-' {
		switch op {
		case "-not", "-bnot":
			return 0
		}
		return 3 // comparison, -replace, -split, -join, -is, -as, -shl, -shr
	}
	return 0
}

func isUnaryOp(op string) bool {
	switch op {
	case "-not", "!", "-bnot", "-", "+", "-split", "-join", "++", "--", "-isplit", "-csplit":
		return true
	}
	return false
}

// expression parses a full expression (comma lists included).
func (p *parser) expression() Expression { return p.ternary(false) }

// expressionNoComma parses an expression where a comma separates
// arguments (method calls, parameter defaults).
func (p *parser) expressionNoComma() Expression { return p.ternary(true) }

// ternary parses `cond ? a : b` (PowerShell 7), which binds looser than
// every binary operator; the `?` must be on the condition's line.
func (p *parser) ternary(noComma bool) Expression {
	start := p.here()
	cond := p.binary(1, noComma)
	t := p.peek(modeExpr)
	if p.stopped || t.kind != TokOperator || t.op != "?" {
		return cond
	}
	p.commit(t)
	if !p.enter() {
		return cond
	}
	defer p.leave()
	p.skipNL()
	x := &TernaryExpr{Condition: cond}
	x.IfTrue = p.ternary(noComma)
	p.skipNL()
	if c := p.peek(modeExpr); c.end == c.start+1 && p.text[c.start] == ':' {
		p.commit(rawTok{kind: TokOperator, start: c.start, end: c.end, op: ":"})
		p.skipNL()
		x.IfFalse = p.ternary(noComma)
	} else {
		p.errorf(p.spanOf(c), "missing ':' in the ternary expression (cond ? a : b)")
	}
	x.Span = p.spanFrom(start)
	return x
}

func (p *parser) binary(minPrec int, noComma bool) Expression {
	start := p.here()
	var left Expression
	if noComma {
		left = p.unary()
	} else {
		left = p.arrayLiteral()
	}
	// Each operator of a chain nests the tree one level deeper (a + b + c
	// is (a + b) + c), so the chain counts toward the depth limit: the
	// consumers of the tree recurse on it.
	chain := 0
	defer func() { p.depth -= chain }()
	for !p.stopped {
		t := p.peek(modeExpr)
		if t.kind != TokOperator {
			break
		}
		prec := binaryPrec(t.op)
		if prec == 0 || prec < minPrec {
			break
		}
		op := p.commit(t)
		p.skipNL()
		chain++
		if !p.enter() {
			break
		}
		right := p.binary(prec+1, noComma)
		left = &BinaryExpr{Base: Base{p.spanFrom(start)}, Op: op.Op, OpText: op.Text, OpSpan: op.Span, Left: left, Right: right}
	}
	return left
}

// arrayLiteral parses `a, b, c` (newlines allowed after each comma).
func (p *parser) arrayLiteral() Expression {
	start := p.here()
	x := p.unary()
	if p.peek(modeExpr).kind != TokComma {
		return x
	}
	list := &ArrayLiteral{Elements: []Expression{x}}
	for !p.stopped && p.peek(modeExpr).kind == TokComma {
		comma := p.next(modeExpr)
		p.skipNL()
		if k := p.peek(modeExpr).kind; k == TokRParen || k == TokRBrace || k == TokEOF {
			p.diags = append(p.diags, Diagnostic{Rule: RuleParseError, Span: comma.Span,
				Message: "a ',' after the last element: a value must follow it",
				Fix:     "remove the ',' after the last element"})
			break
		}
		list.Elements = append(list.Elements, p.unary())
	}
	list.Span = p.spanFrom(start)
	return list
}

func (p *parser) unary() Expression {
	start := p.here()
	t := p.peek(modeExpr)
	switch {
	case t.kind == TokOperator && isUnaryOp(t.op), t.kind == TokComma:
		op := p.commit(t)
		if !p.enter() {
			return &BadExpr{Base: Base{op.Span}}
		}
		p.skipNL()
		x := p.unary()
		p.leave()
		canon := op.Op
		if t.kind == TokComma {
			canon = ","
		}
		if canon == "," {
			return &ArrayLiteral{Base{p.spanFrom(start)}, []Expression{x}}
		}
		return &UnaryExpr{Base: Base{p.spanFrom(start)}, Op: canon, OpText: op.Text, OpSpan: op.Span, X: x}
	case t.kind == TokLBracket:
		tl := p.typeLiteral(start)
		if p.adjacent() && p.off+1 < p.end && p.text[p.off] == ':' && p.text[p.off+1] == ':' {
			return p.postfixOps(p.postfix(tl))
		}
		if isAttribute(tl) { // [SuppressMessage(...)]⏎ $x = 1
			m := p.mark()
			if p.skipNL(); !startsOperand(p.peek(modeExpr)) {
				p.reset(m)
			}
		}
		if n := p.peek(modeExpr); startsOperand(n) {
			if !p.enter() {
				return tl
			}
			x := p.unary()
			p.leave()
			p.checkCast(tl, x)
			return &ConvertExpr{Base{p.spanFrom(start)}, tl, x}
		}
		if isAttribute(tl) {
			p.errorf(tl.Span, "the attribute [%s] must be followed by a parameter or variable", tl.Name)
		}
		if p.adjacent() && p.off+1 < p.end && p.text[p.off] == '?' && (p.text[p.off+1] == '[' || p.text[p.off+1] == '.') {
			p.errorf(Span{tl.Span.End, tl.Span.End}, "'?%c' cannot follow a type literal", p.text[p.off+1])
		}
		return p.postfix(tl)
	}
	return p.postfixOps(p.postfix(p.primary(modeExpr)))
}

// isAttribute reports an attribute ([Parameter(Mandatory)],
// [ValidateNotNull()]) rather than a type.
func isAttribute(tl *TypeLiteral) bool { return strings.HasSuffix(tl.Name, ")") }

// checkCast reports what PowerShell rejects in `[type]x`: [ref] anywhere
// but outermost and alone, and an attribute that does not end up on a
// variable.
func (p *parser) checkCast(tl *TypeLiteral, x Expression) {
	if inner, ok := x.(*ConvertExpr); ok && strings.EqualFold(inner.Type.Name, "ref") {
		p.errorf(inner.Type.Span, "[ref] must be the only and outermost type of a cast")
	}
	if isAttribute(tl) {
		for {
			c, ok := x.(*ConvertExpr)
			if !ok {
				break
			}
			x = c.X
		}
		if _, ok := x.(*Variable); !ok {
			p.errorf(tl.Span, "the attribute [%s] must be followed by a parameter or variable", tl.Name)
		}
	}
}

// postfixOps handles `$i++` and `$i--`.
func (p *parser) postfixOps(x Expression) Expression {
	if !p.adjacent() {
		return x
	}
	t := p.peekRaw(modeExpr)
	if t.kind == TokOperator && (t.op == "++" || t.op == "--") {
		op := p.commit(t)
		return &UnaryExpr{Base: Base{x.NodeSpan().Join(op.Span)}, Op: op.Op, OpText: op.Text, OpSpan: op.Span, X: x, Postfix: true}
	}
	return x
}

func startsOperand(t rawTok) bool {
	switch t.kind {
	case TokVariable, TokNumber, TokString, TokExpandableString, TokHereString, TokExpandableHereString,
		TokLParen, TokAtParen, TokDollarParen, TokAtBrace, TokLBracket, TokSplat:
		return true
	case TokLBrace: // [Func[string]] { ... }
		return true
	case TokOperator:
		return t.op == "-" || t.op == "+" || t.op == "!" || t.op == "-not" || t.op == "++" || t.op == "--"
	}
	return false
}

// primary parses an operand without postfix operators. m is modeExpr or
// modeCommand (which changes how `[` and words read).
func (p *parser) primary(m lexMode) Expression {
	start := p.here()
	t := p.peek(m)
	switch t.kind {
	case TokVariable, TokSplat:
		v := p.variable(p.commit(t))
		if v.Splat && m == modeExpr {
			p.errorf(v.Span, "splatting (%s) is only allowed in a command's arguments", v.Raw)
		}
		return v
	case TokNumber:
		return p.number(p.commit(t))
	case TokString, TokHereString, TokExpandableString, TokExpandableHereString:
		return p.stringExpr(p.commit(t))
	case TokGeneric:
		return p.bareWord(p.commit(t))
	case TokLParen:
		return p.parenExpr()
	case TokAtParen, TokDollarParen:
		open := p.commit(t)
		if !p.enter() {
			return &BadExpr{Base: Base{open.Span}}
		}
		stmts := p.statementList(TokRParen)
		p.expect(TokRParen, open)
		p.leave()
		if t.kind == TokAtParen {
			return &ArrayExpr{Base{p.spanFrom(start)}, stmts}
		}
		return &SubExpression{Base{p.spanFrom(start)}, stmts}
	case TokAtBrace:
		return p.hashtable()
	case TokLBrace:
		sb := p.scriptBlock()
		return &ScriptBlockExpr{Base{sb.Span}, sb}
	case TokLBracket:
		return p.typeLiteral(start)
	}
	sp := p.spanOf(t)
	switch t.kind {
	case TokEOF, TokNewline, TokSemicolon, TokRParen, TokRBrace, TokRBracket, TokPipe, TokAssign:
		p.errorf(Span{sp.Start, sp.Start}, "expected a value here")
		return &BadExpr{Base: Base{Span{sp.Start, sp.Start}}}
	}
	tok := p.commit(t)
	if t.kind == TokError {
		p.errorf(tok.Span, "unexpected character %s", describe(tok.Text))
	} else {
		p.errorf(tok.Span, "unexpected %s in an expression", describe(tok.Text))
	}
	return &BadExpr{Base{tok.Span}, tok.Text}
}

func (p *parser) parenExpr() Expression {
	start := p.here()
	open := p.next(modeExpr)
	if !p.enter() {
		return &BadExpr{Base: Base{open.Span}}
	}
	defer p.leave()
	p.skipNL()
	pe := &ParenExpr{}
	if t := p.peek(modeStatement); t.kind != TokRParen {
		pe.Inner = p.statement()
	} else {
		p.errorf(p.spanOf(t), "an expression was expected after '('")
	}
	p.expectAfterNL(TokRParen, open)
	pe.Span = p.spanFrom(start)
	return pe
}

// postfix applies member access, static member access, method calls and
// indexing written directly after x (no white space in between).
func (p *parser) postfix(x Expression) Expression { return p.postfixIn(x, false) }

// postfixIn is postfix; in a command argument (cmdArg) a dot followed by
// white space ends the argument, in an expression the member name may
// follow after white space or on the next line (`$list. Count`,
// method chains broken after the dot).
func (p *parser) postfixIn(x Expression, cmdArg bool) Expression {
	start := x.NodeSpan().Start
	chain := 0 // as for binary operators: each postfix operator nests the tree
	defer func() { p.depth -= chain }()
	for !p.stopped && p.adjacent() {
		c := p.text[p.off]
		var c2 byte
		if p.off+1 < p.end {
			c2 = p.text[p.off+1]
		}
		static, nullable := false, false
		var opLen int
		switch {
		case c == '.' && c2 != '.':
			if cmdArg && (c2 == ' ' || c2 == '\t' || isNewlineByte(c2) || p.off+1 >= p.end) {
				return x
			}
			opLen = 1
		case c == ':' && c2 == ':':
			opLen, static = 2, true
		case c == '?' && c2 == '.':
			opLen, nullable = 2, true
		case c == '[' || c == '?' && c2 == '[':
			chain++
			if !p.enter() {
				return x
			}
			nullable := c == '?'
			if nullable { // ${x}?[0]: null-conditional index
				p.commit(rawTok{kind: TokOperator, start: p.off, end: p.off + 1, op: "?"})
			}
			x = p.index(x, start)
			if ix, ok := x.(*IndexExpr); ok {
				ix.Nullable = nullable
			}
			continue
		default:
			return x
		}
		chain++
		if !p.enter() {
			return x
		}
		kind := TokDot
		if static {
			kind = TokColonColon
		}
		p.commit(rawTok{kind: kind, start: p.off, end: p.off + opLen, op: p.text[p.off : p.off+opLen]})
		if !static && !nullable {
			p.skip(p.lineEndsHere()) // $list. Count; a method chain broken after the dot: $ps.AddCommand('x').⏎ AddArgument(1)
		}
		var member Expression
		name := ""
		mt := p.peekRaw(modeMember)
		switch mt.kind {
		case TokIdentifier:
			tok := p.commit(mt)
			member = &BareWord{Base{tok.Span}, tok.Text, tok.Text}
			name = tok.Text
		case TokVariable, TokString, TokExpandableString, TokLParen, TokDollarParen, TokLBrace:
			member = p.primary(modeExpr)
			if sl, ok := member.(*StringLiteral); ok {
				name = sl.Value
			}
		default:
			sp := p.spanOf(mt)
			p.errorf(Span{sp.Start, sp.Start}, "missing a member name after '%s'", p.text[p.off-opLen:p.off])
			return &MemberExpr{Base: Base{p.spanFrom(start)}, Target: x, Static: static, Nullable: nullable}
		}
		if p.adjacent() && p.text[p.off] == '[' {
			// a generic method call: [array]::Empty[int]()
			m := p.mark()
			p.typeLiteral(p.here())
			if !p.adjacent() || p.text[p.off] != '(' || len(p.diags) != m.ndiags {
				p.reset(m)
			}
		}
		if p.adjacent() && p.text[p.off] == '(' {
			open := p.commit(rawTok{kind: TokLParen, start: p.off, end: p.off + 1})
			args := p.callArgs(open)
			x = &InvokeMemberExpr{Base: Base{p.spanFrom(start)}, Target: x, Member: member, Name: name, Static: static, Nullable: nullable, Args: args}
			continue
		}
		if p.adjacent() && p.text[p.off] == '{' { // $list.ForEach{ $_ }: a script block is the one argument
			sb := p.scriptBlock()
			args := []Expression{&ScriptBlockExpr{Base{sb.Span}, sb}}
			x = &InvokeMemberExpr{Base: Base{p.spanFrom(start)}, Target: x, Member: member, Name: name, Static: static, Nullable: nullable, Args: args}
			continue
		}
		x = &MemberExpr{Base: Base{p.spanFrom(start)}, Target: x, Member: member, Name: name, Static: static, Nullable: nullable}
	}
	return x
}

// lineEndsHere reports that only white space or a comment follows on
// this line.
func (p *parser) lineEndsHere() bool {
	for i := p.off; i < p.end; i++ {
		switch p.text[i] {
		case ' ', '\t':
			continue
		case '\r', '\n', '#':
			return true
		}
		return false
	}
	return false
}

func (p *parser) index(x Expression, start Pos) Expression {
	open := p.commit(rawTok{kind: TokLBracket, start: p.off, end: p.off + 1})
	if !p.enter() {
		return x
	}
	defer p.leave()
	p.skipNL()
	idx := p.expression()
	p.expectAfterNL(TokRBracket, open)
	return &IndexExpr{Base: Base{p.spanFrom(start)}, Target: x, Index: idx}
}

// callArgs parses method arguments after `(` up to and including `)`.
func (p *parser) callArgs(open Token) []Expression {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var args []Expression
	p.skipNL()
	if p.peek(modeExpr).kind == TokRParen {
		p.next(modeExpr)
		return args
	}
	for !p.stopped {
		p.skipNL()
		off := p.off
		args = append(args, p.expressionNoComma())
		p.skipNL()
		t := p.peek(modeExpr)
		if t.kind == TokComma {
			p.commit(t)
			continue
		}
		if t.kind == TokRParen || p.off == off {
			break
		}
		p.errorf(p.spanOf(t), "expected ',' or ')' in the method arguments")
		break
	}
	p.expect(TokRParen, open)
	return args
}

// typeLiteral parses `[Type]`, `[string[]]`, `[Parameter(Mandatory)]`; the `[` is next.
func (p *parser) typeLiteral(start Pos) *TypeLiteral {
	open := p.next(modeExpr)
	nameStart := p.off
	level := 0
	for !p.stopped {
		t := p.peekRaw(modeExpr)
		switch t.kind {
		case TokLBracket, TokLParen:
			level++
		case TokRBracket, TokRParen:
			if level == 0 && t.kind == TokRBracket {
				name := strings.TrimSpace(p.text[nameStart:p.off])
				p.commit(t)
				if name == "" {
					p.errorf(p.spanFrom(start), "missing the type name in []")
				}
				return &TypeLiteral{Base{p.spanFrom(start)}, name}
			}
			if level > 0 {
				level--
			}
		case TokNewline:
			if level > 0 { // attribute arguments may span lines: [Parameter(Mandatory,⏎ Position = 0)]
				break
			}
			p.errorf(open.Span, "missing closing ']' for the type at line %d", open.Span.Start.Line)
			return &TypeLiteral{Base{p.spanFrom(start)}, strings.TrimSpace(p.text[nameStart:p.off])}
		case TokEOF:
			p.errorf(open.Span, "missing closing ']' for the type at line %d", open.Span.Start.Line)
			return &TypeLiteral{Base{p.spanFrom(start)}, strings.TrimSpace(p.text[nameStart:p.off])}
		}
		p.commit(t)
	}
	return &TypeLiteral{Base{p.spanFrom(start)}, strings.TrimSpace(p.text[nameStart:p.off])}
}

// hashtable parses `@{ key = value ... }`; `@{` is next.
func (p *parser) hashtable() Expression {
	start := p.here()
	open := p.next(modeExpr)
	h := &Hashtable{}
	if !p.enter() {
		h.Span = p.spanFrom(start)
		return h
	}
	defer p.leave()
	for !p.stopped {
		t := p.peekNL(modeKey)
		if t.kind == TokSemicolon {
			p.commit(t)
			continue
		}
		if t.kind == TokRBrace {
			p.commit(t)
			h.Span = p.spanFrom(start)
			return h
		}
		if t.kind == TokEOF || t.kind == TokRParen {
			break
		}
		estart := p.here()
		entryOff := p.off
		e := &HashEntry{}
		switch t.kind {
		case TokIdentifier:
			tok := p.commit(t)
			e.Key, e.KeyText = &BareWord{Base{tok.Span}, tok.Text, tok.Text}, tok.Text
		default:
			e.Key = p.unary()
			switch k := e.Key.(type) {
			case *StringLiteral:
				e.KeyText = k.Value
			case *Number:
				e.KeyText = k.Text
			}
		}
		eq := p.peek(modeExpr)
		if eq.kind != TokAssign || eq.op != "=" {
			p.errorf(p.spanOf(eq), "missing '=' after the hashtable key")
			p.recoverLine()
			if p.off == entryOff { // always make progress
				if t := p.peek(modeCommand); t.kind != TokEOF && t.kind != TokRParen && t.kind != TokRBrace {
					p.commit(t)
				} else if t.kind != TokRBrace {
					break
				}
			}
			continue
		}
		p.commit(eq)
		p.skipNL()
		if k := p.peek(modeStatement).kind; k == TokRBrace || k == TokSemicolon || k == TokNewline || k == TokEOF {
			p.errorf(p.spanOf(p.peek(modeStatement)), "missing the value of hashtable key %q", e.KeyText)
		} else {
			e.Value = p.statement()
		}
		e.Span = p.spanFrom(estart)
		h.Entries = append(h.Entries, e)
		if k := p.peek(modeExpr).kind; k != TokNewline && k != TokSemicolon && k != TokRBrace && k != TokEOF {
			t := p.peek(modeExpr)
			p.errorf(p.spanOf(t), "unexpected %s in the hashtable", describe(p.text[t.start:t.end]))
			p.recoverLine()
		}
	}
	p.errorf(open.Span, "missing closing '}' for the '@{' at line %d", open.Span.Start.Line)
	h.Span = p.spanFrom(start)
	return h
}

// --------------------------------------------------------------- leaves

func (p *parser) bareWord(t Token) *BareWord {
	return &BareWord{Base{t.Span}, t.Text, unescapeBackticks(t.Text)}
}

func (p *parser) variable(t Token) *Variable {
	v := &Variable{Base: Base{t.Span}, Raw: t.Text}
	body := t.Text[1:]
	if t.Text[0] == '@' {
		v.Splat = true
	}
	if strings.HasPrefix(body, "{") {
		v.Braced = true
		body = strings.TrimPrefix(body, "{")
		body = strings.TrimSuffix(body, "}")
		body = unescapeBackticks(body)
	}
	if i := strings.IndexByte(body, ':'); i > 0 && i < len(body)-1 && (len(body) < 2 || body[:2] != "::") {
		if scope := body[:i]; nameEnd(scope, 0, false) == len(scope) {
			v.Scope, body = scope, body[i+1:]
		}
	}
	v.Name = body
	return v
}
