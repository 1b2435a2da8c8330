package config

import (
	"errors"
	"strings"
	"testing"
)

func TestNestingBound(t *testing.T) {
	deep := strings.Repeat
	tests := []struct {
		name, src string
		// wantLine and wantCol locate the first level past the bound; 0 means accepted.
		wantLine, wantCol int
	}{
		{"70000 brackets", "x = " + deep("[", 70000), 1, 5 + MaxNesting},
		{"brackets closed on the next line", "pxlint {\n  exclude = " + deep("[", 200) + "\"a\"" + deep("]", 200) + "\n}\n", 2, 13 + MaxNesting - 1},
		{"braces", deep("{", 70000), 1, 1 + MaxNesting},
		{"parentheses", "x = " + deep("(", 70000) + "1", 1, 5 + MaxNesting},
		{"templates", "x = " + deep(`"${`, 30000), 1, 0},
		{"heredoc templates", "x = <<EOF\n" + deep(`${"`, 30000) + "\nEOF\n", 2, 0},
		{"unary not", "x = " + deep("!", 500000) + "true", 1, 5 + MaxNesting},
		{"unary minus", "x = " + deep("- ", 500000) + "1", 1, 0},
		// Brackets inside strings, comments and heredocs are text, not nesting.
		{"brackets in a string", `x = "` + deep("[", 1000) + `"`, 0, 0},
		{"brackets in comments", "# " + deep("[", 1000) + "\n// " + deep("(", 1000) + "\n/* " + deep("{", 1000) + " */\nx = 1\n", 0, 0},
		{"brackets in a heredoc", "x = <<-EOT\n  " + deep("[", 1000) + "\n  EOT\ny = 1\n", 0, 0},
		{"escaped template", `x = "` + deep("$${", 1000) + `"`, 0, 0},
		{"a real config", string(Starter()), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src), ".pxlint.hcl", fakeLookup)
			var cerr *Error
			if tt.wantLine == 0 {
				if errors.As(err, &cerr) && strings.Contains(err.Error(), "nested deeper") {
					t.Fatalf("rejected as too deep: %v", err)
				}
				return
			}
			if !errors.As(err, &cerr) || len(cerr.Problems) != 1 {
				t.Fatalf("want one positioned problem, got %v", err)
			}
			p := cerr.Problems[0]
			if !strings.Contains(p.Message, "nested deeper than 64 levels") || strings.Contains(err.Error(), "\n") {
				t.Errorf("message = %q", err)
			}
			if p.Line != tt.wantLine || (tt.wantCol != 0 && p.Column != tt.wantCol) {
				t.Errorf("at %d:%d, want %d:%d", p.Line, p.Column, tt.wantLine, tt.wantCol)
			}
		})
	}
}
