package ps

import "strings"

// classDef parses `class Name [: Base, IFace] { members }`; the keyword is next.
func (p *parser) classDef() Statement {
	return p.typeDef(func(td *TypeDef, _ rawTok) {
		off := p.off
		if m := p.classMember(); m != nil {
			td.Members = append(td.Members, m)
		}
		if p.off == off { // always make progress
			if t := p.peek(modeCommand); t.kind != TokEOF && t.kind != TokRBrace {
				p.commit(t)
			}
		}
	})
}

// typeDefHeader reads the name and base types up to the `{` (not
// consumed); false when there is no body.
func (p *parser) typeDefHeader(td *TypeDef) bool {
	if t := p.peek(modeMember); t.kind == TokIdentifier {
		tok := p.commit(t)
		td.Name, td.NameSpan = tok.Text, tok.Span
	} else {
		p.errorf(p.spanOf(t), "missing the %s name", td.Keyword)
		return false
	}
	if t := p.peekNL(modeExpr); t.end == t.start+1 && p.text[t.start] == ':' {
		p.commit(rawTok{kind: TokOperator, start: t.start, end: t.end, op: ":"})
		for !p.stopped {
			p.skipNL()
			nameStart := p.off
			level := 0
			for !p.stopped {
				t := p.peekRaw(modeMember)
				if level == 0 && (t.kind == TokComma || t.kind == TokLBrace || t.kind == TokWhitespace || t.kind == TokNewline || t.kind == TokEOF) {
					break
				}
				switch t.kind {
				case TokLBracket:
					level++
				case TokRBracket:
					level--
				case TokNewline, TokEOF, TokLBrace, TokRBrace:
					level = 0
				}
				if t.kind == TokEOF {
					break
				}
				p.commit(t)
			}
			if name := strings.TrimSpace(p.text[nameStart:p.off]); name != "" {
				td.BaseTypes = append(td.BaseTypes, name)
			} else {
				p.errorf(p.spanOf(p.peek(modeExpr)), "missing a type name after ':' in %s %s", td.Keyword, td.Name)
				break
			}
			if p.peekNL(modeExpr).kind != TokComma {
				break
			}
			p.next(modeExpr)
		}
	}
	if p.peekNL(modeExpr).kind != TokLBrace {
		p.errorf(p.spanOf(p.peek(modeExpr)), "missing '{' to open the body of %s %s", td.Keyword, td.Name)
		return false
	}
	return true
}

// classMember parses one property, method or constructor.
func (p *parser) classMember() *TypeMember {
	start := p.here()
	m := &TypeMember{}
	for !p.stopped {
		t := p.peekNL(modeMember)
		switch {
		case t.kind == TokLBracket:
			m.Attributes = append(m.Attributes, p.typeLiteral(p.here()))
			continue
		case t.kind == TokIdentifier && isMemberModifier(p.text[t.start:t.end]):
			m.Modifiers = append(m.Modifiers, strings.ToLower(p.commit(t).Text))
			continue
		}
		break
	}
	t := p.peek(modeMember)
	switch t.kind {
	case TokVariable: // property
		m.Name = p.variable(p.commit(t)).Name
		if a := p.peek(modeExpr); a.kind == TokAssign && a.op == "=" {
			p.commit(a)
			p.skipNL()
			m.Value = p.expression()
		}
	case TokIdentifier: // method or constructor
		m.Name, m.Method = p.commit(t).Text, true
		lp := p.peek(modeExpr)
		if lp.kind != TokLParen {
			p.errorf(p.spanOf(lp), "missing '(' after the method name %s", m.Name)
			p.recoverLine()
			return nil
		}
		open := p.commit(lp)
		if p.enter() {
			m.Params = p.paramList(open)
		}
		p.leave()
		// a constructor may call its base: Child() : base(1) { }
		if c := p.peekNL(modeExpr); c.end == c.start+1 && p.text[c.start] == ':' {
			p.commit(rawTok{kind: TokOperator, start: c.start, end: c.end, op: ":"})
			p.skipNL()
			if b := p.peek(modeMember); b.kind == TokIdentifier {
				p.commit(b)
			}
			if lp := p.peekNL(modeExpr); lp.kind == TokLParen {
				p.callArgs(p.commit(lp))
			} else {
				p.errorf(p.spanOf(lp), "missing '(' after base")
			}
		}
		if p.peekNL(modeExpr).kind != TokLBrace {
			p.errorf(p.spanOf(p.peek(modeExpr)), "missing '{' to open the body of method %s", m.Name)
			return nil
		}
		m.Body = p.scriptBlock()
	default:
		if len(m.Attributes) == 0 && len(m.Modifiers) == 0 {
			p.errorf(p.spanOf(t), "unexpected %s in a class body: expected a property ($name) or a method", describe(p.text[t.start:t.end]))
			p.recoverLine()
			return nil
		}
		p.errorf(p.spanOf(t), "missing the property ($name) or method name")
		return nil
	}
	m.Span = p.spanFrom(start)
	return m
}

func isMemberModifier(word string) bool {
	return strings.EqualFold(word, "static") || strings.EqualFold(word, "hidden")
}

// enumDef parses `enum Name [: type] { A; B = 1 }`; the keyword is next.
func (p *parser) enumDef() Statement {
	return p.typeDef(func(td *TypeDef, t rawTok) {
		mstart := p.here()
		m := &TypeMember{}
		for t.kind == TokLBracket && !p.stopped {
			m.Attributes = append(m.Attributes, p.typeLiteral(p.here()))
			t = p.peekNL(modeMember)
		}
		if t.kind != TokIdentifier {
			p.errorf(p.spanOf(t), "unexpected %s in an enum body: expected a member name", describe(p.text[t.start:t.end]))
			if p.recoverLine() == nil && t.kind != TokRBrace && t.kind != TokEOF {
				p.commit(p.peek(modeCommand))
			}
			return
		}
		m.Name = p.commit(t).Text
		if a := p.peek(modeExpr); a.kind == TokAssign && a.op == "=" {
			eq := p.commit(a)
			if k := p.peek(modeStatement).kind; k == TokNewline || k == TokSemicolon || k == TokRBrace || k == TokEOF {
				p.errorf(eq.Span, "missing the value of enum member %s after '='", m.Name)
			} else {
				m.Value = p.expressionNoComma()
			}
		}
		m.Span = p.spanFrom(mstart)
		td.Members = append(td.Members, m)
		if k := p.peek(modeExpr).kind; k != TokNewline && k != TokSemicolon && k != TokRBrace && k != TokEOF {
			t := p.peek(modeExpr)
			p.errorf(p.spanOf(t), "unexpected %s after enum member %s", describe(p.text[t.start:t.end]), m.Name)
			p.recoverLine()
		}
	})
}

// typeDef reads what class and enum share: the keyword, the header and the
// braces, calling member for each member with the token that starts it.
func (p *parser) typeDef(member func(td *TypeDef, t rawTok)) Statement {
	start := p.here()
	kw := p.next(modeStatement)
	td := &TypeDef{Keyword: kw.Op}
	if !p.typeDefHeader(td) {
		td.Span = p.spanFrom(start)
		return td
	}
	open := p.next(modeExpr)
	if !p.enter() {
		td.Span = p.spanFrom(start)
		return td
	}
	defer p.leave()
	for !p.stopped {
		t := p.peekNL(modeMember)
		if t.kind == TokSemicolon {
			p.commit(t)
			continue
		}
		if t.kind == TokRBrace || t.kind == TokEOF {
			break
		}
		member(td, t)
	}
	p.expect(TokRBrace, open)
	td.Span = p.spanFrom(start)
	return td
}

// attributedTypeDef parses `[attribute] class C {}` (attributes, possibly
// on lines of their own, then class or enum) and `[CmdletBinding()]
// param()` after other statements (using lines); nil, with the input
// untouched and false, when the brackets start something else.
func (p *parser) attributedTypeDef() (Statement, bool) {
	m := p.mark()
	for !p.stopped {
		t := p.peekNL(modeStatement)
		if t.kind == TokKeyword && (t.op == "class" || t.op == "enum") {
			return p.statement(), true
		}
		if t.kind == TokKeyword && t.op == "param" { // after `using` lines: [CmdletBinding()] param()
			start := p.here()
			p.reset(m)
			p.skipNL()
			var attrs []Expression
			for p.peekNL(modeStatement).kind == TokLBracket {
				if len(attrs) == 0 {
					start = p.here()
				}
				attrs = append(attrs, p.typeLiteral(p.here()))
			}
			pb := p.paramBlock(attrs, start)
			if p.file.Params == nil && p.depth == 0 {
				p.file.Params = pb
			}
			return nil, true
		}
		if t.kind != TokLBracket {
			break
		}
		p.typeLiteral(p.here())
	}
	p.reset(m)
	return nil, false
}
