package model

import (
	"reflect"
	"strings"
	"testing"
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
