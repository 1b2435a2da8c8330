package model

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

func TestDescribeText(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		newline  string
		lines    int
		nonASCII []NonASCII
	}{
		{"empty", "", "none", 0, nil},
		{"one line", "$a = 1", "none", 1, nil},
		{"lf", "a\nb\n", "lf", 2, nil},
		{"crlf", "a\r\nb\r\nc", "crlf", 3, nil},
		{"cr", "a\rb\r", "cr", 2, nil},
		{"mixed", "a\r\nb\nc", "mixed", 3, nil},
		{"blank lines count", "a\n\n\nb\n", "lf", 4, nil},
		{"typographic", "$a = “x”\r\n# Zoë – ok", "crlf", 2, []NonASCII{
			{Line: 1, Column: 6, Char: "“", Lookalike: `"`},
			{Line: 1, Column: 8, Char: "”", Lookalike: `"`},
			{Line: 2, Column: 5, Char: "ë"},
			{Line: 2, Column: 7, Char: "–", Lookalike: "-"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nl, lines, na := describeText(tc.text)
			if nl != tc.newline || lines != tc.lines || !reflect.DeepEqual(na, tc.nonASCII) {
				t.Errorf("describeText = %q, %d, %+v; want %q, %d, %+v", nl, lines, na, tc.newline, tc.lines, tc.nonASCII)
			}
		})
	}
	_, _, na := describeText(strings.Repeat("é", 500))
	if len(na) != maxNonASCII {
		t.Errorf("non-ASCII list has %d entries, want the cap %d", len(na), maxNonASCII)
	}
}

// TestNonASCIIContext checks where each non-ASCII character stands and
// which ones Windows PowerShell 5.1 would misread into a quote (PX009).
func TestNonASCIIContext(t *testing.T) {
	text := "# Pexip – template\n$PxWinAdminUser = \"pex–admin\"\n$PxA = 'café'\nWrite-Host naïve\n"
	for _, tc := range []struct {
		name      string
		b         []byte
		misreadOK bool // UTF-8 without BOM: the misread quote is recorded
	}{
		{"utf-8 without BOM", []byte(text), true},
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), text...), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, f := ps.ParseBytes(tc.b, ps.DefaultLimits())
			got := Evaluate(src, f, Options{Path: "x.ps1", ReadFile: noFiles}).Input.Source.NonASCII
			quote := ""
			if tc.misreadOK {
				quote = "“"
			}
			want := []NonASCII{
				{Line: 1, Column: 9, Char: "–", Lookalike: "-", Context: "comment", MisreadQuote: quote},
				{Line: 2, Column: 23, Char: "–", Lookalike: "-", Context: "string", MisreadQuote: quote},
				{Line: 3, Column: 12, Char: "é", Context: "string"},
				{Line: 4, Column: 14, Char: "ï", Context: "code"},
			}
			if len(got) != len(want) {
				t.Fatalf("non-ASCII = %+v, want %+v", got, want)
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("[%d] = %+v, want %+v", i, got[i], want[i])
				}
			}
		})
	}
	// Characters outside comments are kept when comments alone exceed the cap.
	long := strings.Repeat("# – dash\n", maxNonASCII+5) + "$PxA = \"é\"\n"
	src, f := ps.ParseBytes([]byte(long), ps.DefaultLimits())
	na := Evaluate(src, f, Options{Path: "x.ps1", ReadFile: noFiles}).Input.Source.NonASCII
	if len(na) != maxNonASCII || na[len(na)-1].Context != "string" {
		t.Errorf("capped list lost the string's character: %d entries, last %+v", len(na), na[len(na)-1])
	}
}
