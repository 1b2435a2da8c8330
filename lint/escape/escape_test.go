package escape

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"fe80::1 and [Net.IPAddress]::Parse", "fe80::1 and [Net.IPAddress]::Parse"},
		{"C:\\deploy\\weu.ps1", "C:\\deploy\\weu.ps1"},
		{"a\tb", "a\tb"},
		{"x\n::error title=INJ::injected", `x\n::error title=INJ::injected`},
		{"::warning title=pwned::x.ps1", `\::warning title=pwned::x.ps1`},
		{"  ::add-mask::x", `  \::add-mask::x`},
		{":", `\:`},
		{"::1", `\::1`},
		{"p ##vso[task.setvariable variable=p6]1", `p #\#vso[task.setvariable variable=p6]1`},
		{"##VSO[task.prependpath]./evil", `#\#vso[task.prependpath]./evil`},
		{"##[error]boom", `#\#[error]boom`},
		{"bell\a esc\x1b[31m del\x7f", `bell\x07 esc\x1b[31m del\x7f`},
		{"cr\r\nlf", `cr\r\nlf`},
		{"sep\u2028par\u2029nel\u0085", `sep\u2028par\u2029nel\u0085`},
		{"bidi\u202eevil", `bidi\u202eevil`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"caf\u00e9 \u2013 dash", "caf\u00e9 \u2013 dash"},
	}
	for _, c := range cases {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
		got := Text(c.in)
		if strings.ContainsAny(got, "\n\r\x1b\a") || strings.Contains(strings.ToLower(got), "##vso[") ||
			strings.HasPrefix(strings.TrimLeft(got, " \t"), "::") {
			t.Errorf("Text(%q) = %q is not inert", c.in, got)
		}
	}
}

func TestLines(t *testing.T) {
	got := Lines("first\r\n::error::x\nthird ##vso[y]")
	want := "first\n\\::error::x\nthird #\\#vso[y]"
	if got != want {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

func FuzzText(f *testing.F) {
	f.Add("x\n::error::y ##vso[z]")
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if strings.ContainsAny(got, "\n\r\x1b\a\x00") || strings.Contains(strings.ToLower(got), "##vso[") ||
			strings.HasPrefix(strings.TrimLeft(got, " \t"), "::") || strings.HasPrefix(strings.TrimLeft(got, " \t"), "##[") {
			t.Fatalf("Text(%q) = %q is not inert", s, got)
		}
	})
}
