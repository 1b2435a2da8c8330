package fix

import (
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX006 duplicate-assignment: an `=` assignment that a later one
// overrides is deleted, with its line when it stands alone on it. Safe:
// the deployed value is the later one either way. Only when nothing reads
// the variable between the two assignments and the deleted right-hand
// side is plain data (strings, numbers, arrays of them): deleting a
// `Read-Host` or `$(...)` would remove a prompt or a call.
func init() {
	register(Fixer{Rule: rules.PX006, Safety: finding.SafetySafe,
		Summary: "deletes the overridden assignment (its whole line when it stands alone), when its value is plain data and nothing reads it before the later one",
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			if f.Region == nil {
				return nil
			}
			v := c.variable(f.Variable)
			if f.Variable == "" {
				v = c.assignedOn(f.Region.StartLine)
			}
			if v == nil {
				return nil
			}
			var this, next *model.Assignment
			for i := range v.Assignments {
				a := &v.Assignments[i]
				if a.File != "" && a.File != c.Input.File {
					continue
				}
				if this != nil && a.Operator == "=" && !a.Conditional {
					next = a
					break
				}
				if a.Span.StartLine == f.Region.StartLine && a.Operator == "=" && !a.Conditional {
					this = a
				}
			}
			if this == nil || next == nil {
				return nil
			}
			for _, ref := range c.Input.References {
				if strEq(ref.Name, v.Name) && after(ref.Span, this.Span) && !after(ref.Span, next.Span) {
					return nil
				}
			}
			from, to, ok := c.offsets(regionOf(this.Span))
			if !ok || !c.plainData(from, to) {
				return nil
			}
			from, to = c.wholeLines(from, to)
			return one("delete the overridden assignment", finding.SafetySafe, c.region(from, to), "")
		}})
}

func after(a, b model.Span) bool {
	return a.StartLine > b.EndLine || a.StartLine == b.EndLine && a.StartColumn >= b.EndColumn
}

// plainData reports whether the tokens of [from, to) are a variable, `=`
// and literal data only: nothing that runs or reads anything.
func (c *Context) plainData(from, to int) bool {
	i := c.tokenIndex(from)
	if i < 0 {
		return false
	}
	for ; i < len(c.Tokens) && c.Tokens[i].Span.Start.Offset < to; i++ {
		t := c.Tokens[i]
		switch t.Kind {
		case ps.TokWhitespace, ps.TokNewline, ps.TokLineContinuation, ps.TokComment, ps.TokBlockComment,
			ps.TokString, ps.TokHereString, ps.TokNumber, ps.TokComma, ps.TokAtParen, ps.TokRParen, ps.TokAssign:
		case ps.TokVariable:
			if t.Span.Start.Offset != from {
				return false // a variable read on the right-hand side
			}
		case ps.TokExpandableString, ps.TokExpandableHereString:
			if containsDollar(t.Text) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func containsDollar(s string) bool {
	for _, r := range s {
		if r == '$' {
			return true
		}
	}
	return false
}

// wholeLines widens [from, to) to whole lines, terminator included, when
// only blanks precede it on its first line and only blanks or a comment
// follow it on its last; else it keeps the span.
func (c *Context) wholeLines(from, to int) (int, int) {
	i, j := c.tokenIndex(from), -1
	for k := i; k >= 0 && k < len(c.Tokens); k++ {
		if c.Tokens[k].Span.End.Offset == to {
			j = k
			break
		}
	}
	if i < 0 || j < 0 || !onOwnLine(c.Tokens, i) {
		return from, to
	}
	k := j + 1
	for k < len(c.Tokens) && (c.Tokens[k].Kind == ps.TokWhitespace || c.Tokens[k].Kind == ps.TokComment) {
		k++
	}
	switch {
	case k < len(c.Tokens) && c.Tokens[k].Kind == ps.TokNewline:
		return lineStart(c.Tokens, i), c.Tokens[k].Span.End.Offset
	case k >= len(c.Tokens) || c.Tokens[k].Kind == ps.TokEOF:
		return lineStart(c.Tokens, i), c.Src.Len()
	}
	return from, to
}

// assignedOn finds the variable with an assignment starting on a line
// (PX006 points at the line of the overridden assignment).
func (c *Context) assignedOn(line int) *model.Variable {
	for name, v := range c.Input.Variables {
		for _, a := range v.Assignments {
			if a.Span.StartLine == line && (a.File == "" || a.File == c.Input.File) {
				return c.variable(name)
			}
		}
	}
	return nil
}
