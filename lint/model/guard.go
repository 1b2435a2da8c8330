package model

import (
	"strings"

	"github.com/pxlint/pxlint/lint/ps"
)

// GuardCulture is the kind of a culture check (`if ((Get-Culture).Name -ne
// 'en-US') { throw ... }`): the deployment needs en-US.
const GuardCulture = "culture"

// guard recognises an if statement that stops the script unless the
// culture is the expected one.
func (e *evaluator) guard(s *ps.IfStmt) {
	if e.cond > 0 || len(s.Clauses) == 0 {
		return
	}
	c := s.Clauses[0]
	cond := ps.StatementExpr(c.Condition)
	negated := false
	for cond != nil {
		switch x := cond.(type) {
		case *ps.ParenExpr:
			cond = ps.StatementExpr(x.Inner)
			continue
		case *ps.UnaryExpr:
			if x.Op == "-not" || x.Op == "!" {
				negated = !negated
				cond = x.X
				continue
			}
		}
		break
	}
	b, ok := cond.(*ps.BinaryExpr)
	if !ok {
		return
	}
	want, ok := cultureComparison(b)
	if !ok {
		return
	}
	var mismatch bool
	switch b.Op {
	case "-ne", "-ine", "-cne", "-notlike", "-inotlike", "-cnotlike", "-notmatch", "-inotmatch", "-cnotmatch":
		mismatch = true
	case "-eq", "-ieq", "-ceq", "-like", "-ilike", "-clike", "-match", "-imatch", "-cmatch":
	default:
		return
	}
	if negated {
		mismatch = !mismatch
	}
	stops := false
	if mismatch {
		stops = stopsScript(c.Body)
	} else if len(s.Clauses) == 1 {
		stops = stopsScript(s.Else)
	}
	if !stops {
		return
	}
	g := Guard{
		Kind:  GuardCulture,
		Value: want,
		Line:  s.Span.Start.Line,
		Span:  toSpan(s.Span),
	}
	if e.cur.nested {
		// A guard in a dot-sourced file stops the includer too.
		g.Line, g.Span, g.File = 0, Span{}, e.cur.rel
	}
	e.in.Guards = append(e.in.Guards, g)
}

// cultureComparison returns the culture name compared against the current
// culture's name, on either side.
func cultureComparison(b *ps.BinaryExpr) (string, bool) {
	if isCultureName(b.Left) {
		return stringConstant(b.Right)
	}
	if isCultureName(b.Right) {
		return stringConstant(b.Left)
	}
	return "", false
}

func stringConstant(x ps.Expression) (string, bool) {
	switch x := x.(type) {
	case *ps.StringLiteral:
		return x.Value, true
	case *ps.BareWord:
		return x.Value, true
	}
	return "", false
}

// isCultureName recognises (Get-Culture).Name, $(Get-Culture).Name and
// [System.Globalization.CultureInfo]::CurrentCulture.Name (any
// ...CurrentCulture.Name).
func isCultureName(x ps.Expression) bool {
	m, ok := x.(*ps.MemberExpr)
	if !ok || !strings.EqualFold(m.Name, "Name") {
		return false
	}
	switch t := m.Target.(type) {
	case *ps.ParenExpr:
		return isGetCulture(t.Inner)
	case *ps.SubExpression:
		return len(t.Statements) == 1 && isGetCulture(t.Statements[0])
	case *ps.MemberExpr:
		return strings.EqualFold(t.Name, "CurrentCulture")
	}
	return false
}

func isGetCulture(s ps.Statement) bool {
	p, ok := s.(*ps.Pipeline)
	if !ok || len(p.Elements) != 1 {
		return false
	}
	c, ok := p.Elements[0].(*ps.Command)
	return ok && strings.EqualFold(c.NameText, "Get-Culture")
}

// stopsScript reports whether a block ends the script: throw, exit,
// return or break among its statements.
func stopsScript(b *ps.BlockStmt) bool {
	if b == nil {
		return false
	}
	for _, s := range b.Statements {
		if f, ok := s.(*ps.FlowStmt); ok {
			switch f.Keyword {
			case "throw", "exit", "return", "break":
				return true
			}
		}
	}
	return false
}
