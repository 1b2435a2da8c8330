package fix

import (
	"regexp"
	"strings"
	"sync"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/ps"
)

// Edits shared by several rules' fixers.

// assignmentFix reads a rule's fix in words when it is a whole assignment
// to write (`$PxBaseConnName = "fabrikam"`): the value, when the name is
// the finding's variable and the value holds no placeholder. Like the
// package's other patterns it is compiled on first use: package init runs
// before every command, and most runs fix nothing.
var assignmentFix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$(\w+) = (.+)$`) })

// assignedValue returns the value a rule's fix text assigns to the
// finding's variable, and the region of the right-hand side of the
// variable's last assignment, which the finding points into.
func (c *Context) assignedValue(f *finding.Finding) (value string, rhs finding.Region, ok bool) {
	m := assignmentFix().FindStringSubmatch(f.Fix)
	if m == nil || !strings.EqualFold(m[1], strings.TrimPrefix(f.Variable, "$")) ||
		strings.ContainsAny(m[2], "<\n") || strings.Contains(m[2], "...") {
		return "", finding.Region{}, false
	}
	v := c.variable(f.Variable)
	if v == nil || v.ValueSpan == (model.Span{}) || f.Region == nil {
		return "", finding.Region{}, false
	}
	if f.Region.StartLine < v.Span.StartLine || f.Region.StartLine > v.Span.EndLine {
		return "", finding.Region{}, false
	}
	return m[2], regionOf(v.ValueSpan), true
}

// replaceValue is the fix of a rule whose fix text is the whole assignment:
// the right-hand side is replaced, the variable, spacing and comments kept.
func (c *Context) replaceValue(f *finding.Finding, safety finding.Safety, message string) []finding.Fix {
	value, rhs, ok := c.assignedValue(f)
	if !ok {
		return nil
	}
	return one(message, safety, rhs, value)
}

// quoted writes s between the quote an element or value was written with.
func quoted(s, quote string) string {
	if quote == "single" {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return `"` + s + `"`
}

// removeElement deletes an array element with the comma that separates it
// from the next element (and the space up to it), else from the previous
// one; comments and line structure around it stay.
func (c *Context) removeElement(el *model.Element) (finding.Region, bool) {
	from, to, ok := c.offsets(regionOf(el.Span))
	if !ok {
		return finding.Region{}, false
	}
	i := c.tokenIndex(from)
	if i < 0 {
		return finding.Region{}, false
	}
	j := i
	for j < len(c.Tokens) && c.Tokens[j].Span.End.Offset < to {
		j++
	}
	if j >= len(c.Tokens) || c.Tokens[j].Span.End.Offset != to {
		return finding.Region{}, false
	}
	// A comma after it: delete through the comma and the spaces after it,
	// or the whole line when the element stands on a line of its own.
	k := j + 1
	for k < len(c.Tokens) && c.Tokens[k].Kind == ps.TokWhitespace {
		k++
	}
	if k < len(c.Tokens) && c.Tokens[k].Kind == ps.TokComma {
		end := k + 1
		for end < len(c.Tokens) && c.Tokens[end].Kind == ps.TokWhitespace {
			end++
		}
		stop := c.Tokens[end-1].Span.End.Offset
		if onOwnLine(c.Tokens, i) && end < len(c.Tokens) && c.Tokens[end].Kind == ps.TokNewline {
			from, stop = lineStart(c.Tokens, i), c.Tokens[end].Span.End.Offset
		}
		return c.region(from, stop), true
	}
	// The last element: delete from the previous comma.
	k = i - 1
	for k >= 0 && (c.Tokens[k].Kind == ps.TokWhitespace || c.Tokens[k].Kind == ps.TokNewline) {
		k--
	}
	if k >= 0 && c.Tokens[k].Kind == ps.TokComma {
		return c.region(c.Tokens[k].Span.Start.Offset, to), true
	}
	// The only element: delete it, keeping the brackets.
	return c.region(from, to), true
}

// onOwnLine reports whether only whitespace precedes token i on its line.
func onOwnLine(toks []ps.Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Kind {
		case ps.TokWhitespace:
			continue
		case ps.TokNewline:
			return true
		default:
			return false
		}
	}
	return true
}

// lineStart is the offset where token i's line starts.
func lineStart(toks []ps.Token, i int) int {
	for k := i - 1; k >= 0; k-- {
		if toks[k].Kind == ps.TokNewline {
			return toks[k].Span.End.Offset
		}
	}
	return 0
}

// renameVariable rewrites every use and assignment of `$old` (outside
// strings and inside expandable ones) as `$new`.
func (c *Context) renameVariable(old, new string) []finding.Edit {
	var edits []finding.Edit
	ref := regexp.MustCompile(`(?i)\$` + regexp.QuoteMeta(old) + `\b`)
	for _, t := range c.Tokens {
		switch t.Kind {
		case ps.TokVariable:
			if strings.EqualFold(t.Text, "$"+old) {
				edits = append(edits, finding.Edit{Region: tokenRegion(t), NewText: "$" + new})
			}
		case ps.TokExpandableString, ps.TokExpandableHereString:
			for _, m := range ref.FindAllStringIndex(t.Text, -1) {
				from := t.Span.Start.Offset + len([]rune(t.Text[:m[0]]))
				to := from + len([]rune(t.Text[m[0]:m[1]]))
				edits = append(edits, finding.Edit{Region: c.region(from, to), NewText: "$" + new})
			}
		}
	}
	return edits
}

func strEq(a, b string) bool { return strings.EqualFold(a, b) }
