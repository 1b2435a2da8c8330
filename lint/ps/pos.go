package ps

import "fmt"

// Pos is a position in the decoded text. Offset counts Unicode code points
// from the start of the text (a BOM is not a character); Line and Col are
// 1-based, Col in code points, so they match SARIF's
// "unicodeCodePoints" column kind and the policy input contract.
type Pos struct {
	Offset int
	Line   int
	Col    int
}

// String renders "line:col".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Span is a range of the decoded text; End is exclusive (the position just
// after the last character), as SARIF regions are.
type Span struct {
	Start Pos
	End   Pos
}

// LineCols returns the span as the four numbers the policy input and the
// reporters use: start line/column and end line/column (end exclusive).
func (s Span) LineCols() (startLine, startCol, endLine, endCol int) {
	return s.Start.Line, s.Start.Col, s.End.Line, s.End.Col
}

// Len is the number of code points the span covers.
func (s Span) Len() int { return s.End.Offset - s.Start.Offset }

// IsZero reports whether the span is unset.
func (s Span) IsZero() bool { return s == Span{} }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool {
	return o.Start.Offset >= s.Start.Offset && o.End.Offset <= s.End.Offset
}

// Join returns the smallest span covering both (a zero span is ignored).
func (s Span) Join(o Span) Span {
	if s.IsZero() {
		return o
	}
	if o.IsZero() {
		return s
	}
	if o.Start.Offset < s.Start.Offset {
		s.Start = o.Start
	}
	if o.End.Offset > s.End.Offset {
		s.End = o.End
	}
	return s
}

// String renders "line:col-line:col".
func (s Span) String() string { return s.Start.String() + "-" + s.End.String() }
