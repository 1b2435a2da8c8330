package directive

import (
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/ps"
)

// FromFile reads the directives of a parsed script.
func FromFile(f *ps.File) []Directive {
	if f == nil {
		return nil
	}
	var comments []Comment
	for _, t := range f.Comments {
		if t.Kind == ps.TokComment || t.Kind == ps.TokBlockComment {
			comments = append(comments, Comment{Text: t.Text, Region: region(t.Span)})
		}
	}
	if len(comments) == 0 {
		return nil
	}
	var layout Layout
	for _, t := range f.Tokens {
		if t.Kind.IsTrivia() || t.Kind == ps.TokNewline {
			continue
		}
		layout.Code = append(layout.Code, pos(t.Span.Start))
	}
	walk(f.Statements, &layout, 0)
	return Parse(comments, layout)
}

func region(s ps.Span) finding.Region {
	return finding.Region{StartLine: s.Start.Line, StartColumn: s.Start.Col, EndLine: s.End.Line, EndColumn: s.End.Col}
}

func pos(p ps.Pos) Pos { return Pos{Line: p.Line, Col: p.Col} }

// maxDepth bounds the walk; the parser bounds nesting already.
const maxDepth = 64

// walk records every statement, descending into statement bodies so a
// directive above a statement inside an if or foreach covers all of it.
func walk(stmts []ps.Statement, layout *Layout, depth int) {
	if depth > maxDepth {
		return
	}
	for _, s := range stmts {
		if s == nil {
			continue
		}
		sp := s.NodeSpan()
		layout.Statements = append(layout.Statements, Statement{Start: pos(sp.Start), EndLine: endLine(sp)})
		for _, body := range bodies(s) {
			walk(body, layout, depth+1)
		}
	}
}

// bodies returns the statement lists nested in a statement.
func bodies(s ps.Statement) [][]ps.Statement {
	var out [][]ps.Statement
	block := func(b *ps.BlockStmt) {
		if b != nil {
			out = append(out, b.Statements)
		}
	}
	switch s := s.(type) {
	case *ps.IfStmt:
		for _, c := range s.Clauses {
			if c != nil {
				block(c.Body)
			}
		}
		block(s.Else)
	case *ps.ForeachStmt:
		block(s.Body)
	case *ps.ForStmt:
		block(s.Body)
	case *ps.WhileStmt:
		block(s.Body)
	case *ps.DoStmt:
		block(s.Body)
	case *ps.SwitchStmt:
		for _, c := range s.Clauses {
			if c != nil {
				block(c.Body)
			}
		}
		block(s.Default)
	case *ps.TryStmt:
		block(s.Body)
		for _, c := range s.Catches {
			if c != nil {
				block(c.Body)
			}
		}
		block(s.Finally)
	case *ps.BlockStmt:
		block(s)
	case *ps.FunctionDef:
		if s.Body != nil {
			out = append(out, s.Body.Statements)
			for _, n := range s.Body.Named {
				if n != nil {
					block(n.Body)
				}
			}
		}
	}
	return out
}

// endLine is the last line a span covers: an end exclusive at column 1 is
// the previous line's newline.
func endLine(sp ps.Span) int {
	if sp.End.Col == 1 && sp.End.Line > sp.Start.Line {
		return sp.End.Line - 1
	}
	return sp.End.Line
}
