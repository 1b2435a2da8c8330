package ps

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// diagSummary renders diagnostics as "RULE@line:col" joined by spaces.
func diagSummary(f *File) string {
	var parts []string
	for _, d := range f.Diagnostics {
		parts = append(parts, fmt.Sprintf("%s@%d:%d", d.Rule, d.Span.Start.Line, d.Span.Start.Col))
	}
	return strings.Join(parts, " ")
}

func TestParseErrorsRecover(t *testing.T) {
	tests := []struct {
		name, in string
		diags    string // RULE@line:col of each diagnostic
		last     string // Sexpr of the last statement: parsing went on
	}{
		{"unterminated string", "$a = \"abc\n$b = 2", "PX001@1:6", `(assign = $b 2)`},
		{"unterminated single", "$a = 'abc\n$b = 2", "PX001@1:6", `(assign = $b 2)`},
		{"stray typographic quote", "$a = “abc\n$b = 2", "PX001@1:6", `(assign = $b 2)`},
		{"unterminated here-string", "$a = @\"\nabc\n$b = 2\n", "PX001@1:6", `(assign = $a (xstr here-double "abc\n" $b " = 2\n"))`},
		{"unclosed paren", "$a = (1 + 2\n$b = 2", "PX001@1:6", `(assign = $b 2)`},
		{"unclosed array", "$a = @(1, 2\n", "PX001@1:6", `(assign = $a (@ (, 1 2)))`},
		{"unclosed hashtable", "$h = @{ a = 1\n", "PX001@1:6", `(assign = $h (hash (= a 1)))`},
		{"unclosed block", "if ($a) {\n $b = 1\n", "PX001@1:9", `(if (if $a (block (assign = $b 1))))`},
		{"extra closer", "$a = 1 )\n$b = 2", "PX001@1:8", `(assign = $b 2)`},
		{"extra brace", "}\n$b = 2", "PX001@1:1", `(assign = $b 2)`},
		{"missing value", "$a =\n", "PX001@1:4", `(assign = $a (bad ""))`},
		{"missing hashtable equals", "$h = @{ a 1 }\n$b = 2", "PX001@1:11", `(assign = $b 2)`},
		{"unexpected token after expression", "$a = 1 2\n$b = 2", "PX001@1:8", `(assign = $b 2)`},
		{"lone at", "$a = @\n$b = 2", "PX001@1:6", `(assign = $b 2)`},
		// PowerShell reads an `else` out of place as a command named else.
		{"orphan else", "else { }\n$b = 2", "", `(assign = $b 2)`},
		{"try without catch", "try { }\n$b = 2", "PX001@1:1", `(assign = $b 2)`},
		{"unterminated block comment", "$b = 2\n<# never closed", "PX001@2:1", `(assign = $b 2)`},
		{"unterminated braced variable", "${abc = 1\n$b = 2", "PX001@1:1", `(assign = $b 2)`},
		// A member name may follow the dot on the next line (method chains).
		{"missing member", "$a.;\n$b = 2", "PX001@1:4", `(assign = $b 2)`},
		// At statement start `0x` is a command name to PowerShell, in an expression a bad number.
		{"bad number", "$a = 1 + 0x\n$b = 2", "PX001@1:11", `(assign = $b 2)`},
		{"space after continuation backtick", "Get-X -A 1 ` \n  -B 2\n$b = 2", "PX001@1:12", `(assign = $b 2)`},
		{"colon parameter without value", "Get-X -Name:\n$b = 2", "PX001@1:7", `(assign = $b 2)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := parseText(t, tc.in)
			if got := diagSummary(f); got != tc.diags {
				t.Errorf("diagnostics of %q\n got %s\nwant %s\n%v", tc.in, got, tc.diags, f.Diagnostics)
			}
			if len(f.Statements) == 0 {
				t.Fatalf("no statements parsed")
			}
			if got := Sexpr(f.Statements[len(f.Statements)-1]); got != tc.last {
				t.Errorf("last statement of %q\n got %s\nwant %s", tc.in, got, tc.last)
			}
		})
	}
}

// TestFuzzSeedsTerminate replays the seeds kept from hangs found while
// fuzzing (each once looped forever) and other tricky inputs.
func TestFuzzSeedsTerminate(t *testing.T) {
	files, _ := filepath.Glob("testdata/fuzz/*.ps1")
	if len(files) == 0 {
		t.Fatal("no seeds")
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src, f := ParseBytes(b, DefaultLimits())
		checkRoundTrip(t, src, f.Tokens)
		checkSpans(t, src, f)
		if len(f.Diagnostics) == 0 {
			t.Errorf("%s: expected a diagnostic", name)
		}
	}
}
