package report

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
)

// snippet renders the marker lines of one region on one source line.
func snippet(line string, g finding.Region) string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	writeSnippet(bw, newPalette(false), []string{line}, &g, finding.SeverityError)
	_ = bw.Flush()
	return buf.String()
}

func TestSnippetMarker(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		g          finding.Region
		want       string
	}{
		{"ascii", `$x = "abc"`, finding.Region{StartLine: 1, StartColumn: 6, EndLine: 1, EndColumn: 11},
			"  1 | $x = \"abc\"\n    |      ^~~~~\n"},
		{"tab before", "\t$x = 1", finding.Region{StartLine: 1, StartColumn: 2, EndLine: 1, EndColumn: 4},
			"  1 |     $x = 1\n    |     ^~\n"},
		{"tab inside", "a\tb", finding.Region{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 4},
			"  1 | a   b\n    | ^~~~~\n"},
		{"wide", `$r = "東京x"`, finding.Region{StartLine: 1, StartColumn: 9, EndLine: 1, EndColumn: 10},
			"  1 | $r = \"東京x\"\n    |           ^\n"},
		{"wide span", `$r = "東京"`, finding.Region{StartLine: 1, StartColumn: 6, EndLine: 1, EndColumn: 10},
			"  1 | $r = \"東京\"\n    |      ^~~~~~\n"},
		{"combining", "e\u0301x", finding.Region{StartLine: 1, StartColumn: 3, EndLine: 1, EndColumn: 4},
			"  1 | e\u0301x\n    |  ^\n"},
		{"multi-line to end", `$a = @(`, finding.Region{StartLine: 1, StartColumn: 6, EndLine: 3, EndColumn: 2},
			"  1 | $a = @(\n    |      ^~\n"},
		{"at end of line", `$a =`, finding.Region{StartLine: 1, StartColumn: 5, EndLine: 1, EndColumn: 5},
			"  1 | $a =\n    |     ^\n"},
		{"control chars shown", "$a = \"\x1b[2J\"", finding.Region{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 3},
			"  1 | $a = \"\\x1b[2J\"\n    | ^~\n"},
		{"control char inside the span", "$a = \"\x1b[2J\"", finding.Region{StartLine: 1, StartColumn: 6, EndLine: 1, EndColumn: 13},
			"  1 | $a = \"\\x1b[2J\"\n    |      ^~~~~~~~~\n"},
		{"azure command broken", "$a = 1 # ##VSO[task.complete]", finding.Region{StartLine: 1, StartColumn: 10, EndLine: 1, EndColumn: 30},
			"  1 | $a = 1 # #\\#VSO[task.complete]\n    |          ^~~~~~~~~~~~~~~~~~~~~\n"},
		{"line out of range", `$a = 1`, finding.Region{StartLine: 7, StartColumn: 1, EndLine: 7, EndColumn: 2}, ""},
		{"column past end", `$a`, finding.Region{StartLine: 1, StartColumn: 40, EndLine: 1, EndColumn: 41},
			"  1 | $a\n    |   ^\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := snippet(tc.line, tc.g); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestSnippetBounded(t *testing.T) {
	out := snippet(strings.Repeat("x", 100000), finding.Region{StartLine: 1, StartColumn: 99990, EndLine: 1, EndColumn: 99995})
	if len(out) > 2*maxSnippetWidth+40 {
		t.Errorf("snippet of a 100,000-character line is %d bytes", len(out))
	}
}

func TestPrettyNoColorHasNoEscapes(t *testing.T) {
	if bytes.Contains(render(t, "pretty", Options{}), []byte("\x1b")) {
		t.Error("uncoloured pretty output has escape sequences")
	}
	if !bytes.Contains(render(t, "pretty", Options{Color: true}), []byte("\x1b[")) {
		t.Error("coloured pretty output has no colour")
	}
}

// A span that starts past the visible width (PX011 at column 533) is shown
// from a little before it: the marker line is never empty.
func TestSnippetFarRightSpanIsShown(t *testing.T) {
	line := strings.Repeat("@(", 300) + "1"
	got := snippet(line, finding.Region{StartLine: 1, StartColumn: 533, EndLine: 2, EndColumn: 1})
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines:\n%s", len(lines), got)
	}
	want := "    | " + strings.Repeat(" ", 1+snippetLead) + "^"
	if !strings.HasPrefix(lines[1], want) || !strings.HasPrefix(lines[0], "  1 | …") {
		t.Errorf("got\n%s\nwant the line from column %d, marker at %d", got, 533-snippetLead, snippetLead+1)
	}
}

func TestSnippetNeverPrintsAnEmptyMarker(t *testing.T) {
	for _, g := range []finding.Region{
		{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1},
		{StartLine: 1, StartColumn: 5000, EndLine: 1, EndColumn: 5001},
	} {
		got := snippet(strings.Repeat("x", 300), g)
		for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "|")) == "" {
				t.Errorf("empty marker line for %+v:\n%s", g, got)
			}
		}
	}
}

// FuzzSnippet: whatever the line and the span, the snippet neither panics
// nor floods the terminal, has no raw control character, and prints a
// marker line only with a marker on it.
func FuzzSnippet(f *testing.F) {
	f.Add("$a = \"abc\"", 6, 11)
	f.Add(strings.Repeat("@(", 300), 533, 0)
	f.Add("\t東京\x1b[2J##vso[x]", 2, 9)
	f.Fuzz(func(t *testing.T, line string, start, end int) {
		out := snippet(line, finding.Region{StartLine: 1, StartColumn: start, EndLine: 1, EndColumn: end})
		if len(out) > 8*maxSnippetWidth+80 {
			t.Fatalf("snippet of %d bytes", len(out))
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if out != "" && len(lines) != 2 {
			t.Fatalf("want a source line and a marker line, got:\n%s", out)
		}
		for _, r := range out {
			if r != '\n' && (r < 0x20 || r == 0x7f) {
				t.Fatalf("raw control character %U in:\n%q", r, out)
			}
		}
		if out != "" && !strings.ContainsAny(lines[1], "^~") {
			t.Fatalf("marker line without a marker:\n%s", out)
		}
	})
}
