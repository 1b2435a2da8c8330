package directive

import (
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

func tok(kind ps.TokenKind, line, col int, text string) ps.Token {
	n := len([]rune(text))
	return ps.Token{Kind: kind, Text: text, Span: ps.Span{
		Start: ps.Pos{Line: line, Col: col}, End: ps.Pos{Line: line, Col: col + n}}}
}

func span(l1, c1, l2, c2 int) ps.Span {
	return ps.Span{Start: ps.Pos{Line: l1, Col: c1}, End: ps.Pos{Line: l2, Col: c2}}
}

// TestFromFile builds by hand the tree the parser gives for
//
//	1 # pxlint-ignore PX105 -- a
//	2 $PxA = "0.0.0.0/0" # pxlint-ignore PX104 -- b
//	3 if ($x) {
//	4   # pxlint-ignore PX106 -- c
//	5   $PxB = @(
//	6     1
//	7   )
//	8 }
//	9 <# pxlint-ignore PX107 -- block comments hold no directives #>
//
// so the adapter is tested without depending on the parser's progress.
func TestFromFile(t *testing.T) {
	c1 := tok(ps.TokComment, 1, 1, "# pxlint-ignore PX105 -- a")
	c2 := tok(ps.TokComment, 2, 20, "# pxlint-ignore PX104 -- b")
	c3 := tok(ps.TokComment, 4, 3, "# pxlint-ignore PX106 -- c")
	c4 := tok(ps.TokBlockComment, 9, 1, "<# pxlint-ignore PX107 -- block comments hold no directives #>")
	nl := func(line, col int) ps.Token { return tok(ps.TokNewline, line, col, "\n") }
	inner := &ps.AssignmentStmt{Base: ps.Base{Span: span(5, 3, 7, 4)}}
	f := &ps.File{
		Comments: []ps.Token{c1, c2, c3, c4},
		Tokens: []ps.Token{
			c1, nl(1, 27),
			tok(ps.TokVariable, 2, 1, "$PxA"), tok(ps.TokWhitespace, 2, 5, " "), tok(ps.TokAssign, 2, 6, "="),
			tok(ps.TokExpandableString, 2, 8, `"0.0.0.0/0"`), tok(ps.TokWhitespace, 2, 19, " "), c2, nl(2, 46),
			tok(ps.TokKeyword, 3, 1, "if"), tok(ps.TokVariable, 3, 5, "$x"), nl(3, 10),
			tok(ps.TokWhitespace, 4, 1, "  "), c3, nl(4, 29),
			tok(ps.TokVariable, 5, 3, "$PxB"), tok(ps.TokAssign, 5, 8, "="), nl(5, 12),
			tok(ps.TokNumber, 6, 5, "1"), nl(6, 6),
			tok(ps.TokOperator, 7, 3, ")"), nl(7, 4),
			tok(ps.TokOperator, 8, 1, "}"), nl(8, 2),
			c4,
		},
		Statements: []ps.Statement{
			&ps.AssignmentStmt{Base: ps.Base{Span: span(2, 1, 2, 19)}},
			&ps.IfStmt{Base: ps.Base{Span: span(3, 1, 8, 2)}, Clauses: []*ps.IfClause{
				{Base: ps.Base{Span: span(3, 1, 8, 2)}, Body: &ps.BlockStmt{Statements: []ps.Statement{inner}}},
			}},
		},
	}
	got := FromFile(f)
	type cover struct {
		rule     string
		from, to int
	}
	want := []cover{{"PX105", 2, 2}, {"PX104", 2, 2}, {"PX106", 5, 7}, {"PX107", 0, 0}}
	if len(got) != len(want) {
		t.Fatalf("got %d directives, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if g := (cover{got[i].Rules[0], got[i].FromLine, got[i].ToLine}); g != w {
			t.Errorf("directive %d = %+v, want %+v", i, g, w)
		}
	}
	if len(got[3].Problems) != 1 || got[3].Problems[0] != "pxlint-ignore must be a # line comment; <# #> block comments are not read" {
		t.Errorf("block-comment directive problems = %q", got[3].Problems)
	}
	if FromFile(nil) != nil || FromFile(&ps.File{}) != nil {
		t.Error("no file, no directives")
	}
}

func TestEndLine(t *testing.T) {
	if got := endLine(span(2, 1, 4, 1)); got != 3 {
		t.Errorf("a span ending at column 1 ends on the previous line, got %d", got)
	}
	if got := endLine(span(2, 1, 4, 3)); got != 4 {
		t.Errorf("endLine = %d, want 4", got)
	}
}

// TestFromParsedScript runs the adapter on the real parser's output.
func TestFromParsedScript(t *testing.T) {
	src := "# pxlint-ignore PX105 -- whole statement\n" + // 1
		"$PxNodesSourceAddressPrefixes = @(\n" + // 2
		"  # pxlint-ignore PX106 -- next element\n" + // 3
		"  \"0.0.0.0/0\",\n" + // 4
		"  \"1.0.0.0/8\" # pxlint-ignore PX107 -- trailing\n" + // 5
		")\n" + // 6
		"if ($x) {\n" + // 7
		"  # pxlint-ignore PX108 -- nested statement\n" + // 8
		"  $PxB = @(\n" + // 9
		"    1)\n" + // 10
		"}\n" + // 11
		"<# pxlint-ignore PX109 -- not in block comments #>\n" + // 12 (reported, applies to nothing)
		"# pxlint-ignore-file PX009 -- whole file\n" // 13
	type cover struct {
		rule     string
		from, to int
		file     bool
	}
	want := []cover{{"PX105", 2, 6, false}, {"PX106", 4, 4, false}, {"PX107", 5, 5, false}, {"PX108", 9, 10, false},
		{"PX109", 0, 0, false}, {"PX009", 0, 0, true}}
	for _, newline := range []string{"\n", "\r\n"} {
		text := strings.ReplaceAll(src, "\n", newline)
		_, f := ps.ParseBytes([]byte(text), ps.DefaultLimits())
		got := FromFile(f)
		if len(got) != len(want) {
			t.Fatalf("newline %q: got %d directives, want %d: %+v", newline, len(got), len(want), got)
		}
		for i, w := range want {
			if g := (cover{got[i].Rules[0], got[i].FromLine, got[i].ToLine, got[i].File}); g != w {
				t.Errorf("newline %q: directive %d = %+v, want %+v", newline, i, g, w)
			}
		}
		if r := got[2].Region; r.StartLine != 5 || r.StartColumn != 15 {
			t.Errorf("trailing directive region = %+v, want it to start at 5:15", r)
		}
	}
}
