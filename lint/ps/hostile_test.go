package ps

import (
	"math/rand"
	"strings"
	"testing"
)

func hasRule(f *File, rule string) bool {
	for _, d := range f.Diagnostics {
		if d.Rule == rule {
			return true
		}
	}
	return false
}

// TestHostileInputs: each input hits a bound or a syntax error and ends;
// the counters show which bound fired. Timing belongs to benchmarks.
func TestHostileInputs(t *testing.T) {
	lim := DefaultLimits()
	tests := []struct {
		name      string
		in        string
		rule      string // a diagnostic with this rule must exist
		limit     string // Stats.Limit
		minDepth  int    // Stats.MaxDepth at least
		maxTokens int    // Stats.Tokens at most (0: unchecked)
	}{
		{"20000 nested @(", "$PxA = " + strings.Repeat("@(", 20000), RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"1 MB of (((", strings.Repeat("(", 1<<20), RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"nested blocks", strings.Repeat("if ($a) {", 5000), RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"nested strings", "$a = " + strings.Repeat(`"$(`, 5000), RuleAnalysisLimit, LimitDepth, 0, 0},
		{"balanced nested strings", "$a = " + strings.Repeat(`"$(`, 400) + strings.Repeat(`)"`, 400), RuleAnalysisLimit, LimitDepth, 0, 0},
		{"prefix operators", "$a = " + strings.Repeat("-not ", 5000) + "$b", RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"casts", "$a = " + strings.Repeat("[int]", 5000) + "$b", RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"assignment chain", strings.Repeat("$a = ", 5000) + "1", RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"member chain", "$a" + strings.Repeat(".b", 5000), RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"method chain", "$a" + strings.Repeat(".b()", 5000), RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"operator chain", "$a = 1" + strings.Repeat(" + 1", 5000), RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"pipeline chain", "a" + strings.Repeat(" && a", 5000), RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"index chain", "$a" + strings.Repeat("[0]", 5000), RuleAnalysisLimit, LimitDepth, lim.MaxDepth + 1, 0},
		{"unterminated here-string", "$PxA = @\"\n" + strings.Repeat("line $x\n", 1000), RuleParseError, "", 0, 0},
		{"sub-expression strings on every line", strings.Repeat("$a = \"$(\n", 3000), RuleAnalysisLimit, LimitDepth, 0, 0},
		{"stray quotes on every line", strings.Repeat("$a = \"x\n", 3001), RuleParseError, "", 0, 0},
		{"oversized", strings.Repeat("#", lim.MaxBytes+1), RuleAnalysisLimit, LimitBytes, 0, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := NewSource(tc.in)
			f := Parse(src, lim)
			checkRoundTrip(t, src, f.Tokens)
			checkSpans(t, src, f)
			if !hasRule(f, tc.rule) {
				t.Errorf("no %s diagnostic; got %v", tc.rule, f.Diagnostics)
			}
			if f.Stats.Limit != tc.limit {
				t.Errorf("Stats.Limit = %q, want %q", f.Stats.Limit, tc.limit)
			}
			if f.Stats.MaxDepth < tc.minDepth {
				t.Errorf("Stats.MaxDepth = %d, want >= %d", f.Stats.MaxDepth, tc.minDepth)
			}
			if tc.maxTokens > 0 && f.Stats.Tokens > tc.maxTokens {
				t.Errorf("Stats.Tokens = %d, want <= %d", f.Stats.Tokens, tc.maxTokens)
			}
			if f.Stats.Work > lim.MaxBytes*32+len(tc.in) {
				t.Errorf("Stats.Work = %d beyond the work bound", f.Stats.Work)
			}
			if f.Stats.Tokens != len(f.Tokens) {
				t.Errorf("Stats.Tokens = %d, len(Tokens) = %d", f.Stats.Tokens, len(f.Tokens))
			}
		})
	}
}

func TestDepthLimitMessage(t *testing.T) {
	f := Parse(NewSource("$a = 1\n$b = "+strings.Repeat("(", 300)), DefaultLimits())
	var msg string
	for _, d := range f.Diagnostics {
		if d.Rule == RuleAnalysisLimit {
			msg = d.Message
			if d.Span.Start.Line != 2 {
				t.Errorf("limit reported at line %d, want 2", d.Span.Start.Line)
			}
		}
	}
	if !strings.Contains(msg, "nesting deeper than 256") || !strings.Contains(msg, "line 2") {
		t.Errorf("message %q", msg)
	}
	if len(f.Statements) == 0 {
		t.Errorf("the statement before the limit was lost")
	}
}

func TestTokenAndWorkLimits(t *testing.T) {
	lim := DefaultLimits()
	lim.MaxTokens = 1000
	f := Parse(NewSource(strings.Repeat("$a = 1\n", 1000)), lim)
	if f.Stats.Limit != LimitTokens || !hasRule(f, RuleAnalysisLimit) {
		t.Errorf("token limit did not fire: %+v", f.Stats)
	}
	if len(f.Tokens) > lim.MaxTokens+2 {
		t.Errorf("%d tokens kept", len(f.Tokens))
	}

	lim = DefaultLimits()
	lim.MaxWork = 10000
	lim.MaxDepth = 100000
	src := NewSource(strings.Repeat("$a = \"$(\n", 3000))
	f = Parse(src, lim)
	checkRoundTrip(t, src, f.Tokens)
	if f.Stats.Limit != LimitWork || !hasRule(f, RuleAnalysisLimit) {
		t.Errorf("work limit did not fire: %+v", f.Stats)
	}
}

func TestRandomBinary(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	b := make([]byte, 1<<20)
	r.Read(b)
	src, f := ParseBytes(b, DefaultLimits())
	checkRoundTrip(t, src, f.Tokens)
	checkSpans(t, src, f)
	if !hasRule(f, RuleParseError) && !hasRule(f, RuleAnalysisLimit) {
		t.Errorf("random bytes produced no diagnostic")
	}
	if f.Stats.Work > 32*DefaultLimits().MaxBytes {
		t.Errorf("work %d", f.Stats.Work)
	}
}

// TestDepthRestored: long but legal chains leave the depth where it was,
// so a following statement is not judged deeper than it is.
func TestDepthRestored(t *testing.T) {
	text := "$a = 1" + strings.Repeat(" + 1", 200) + "\n$b = $x" + strings.Repeat(".y", 200) + "\n$c = " +
		strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200) + "\n"
	f := Parse(NewSource(text), DefaultLimits())
	if len(f.Diagnostics) != 0 || f.Stats.Limit != "" {
		t.Fatalf("diagnostics %v, stats %+v", f.Diagnostics, f.Stats)
	}
	if f.Stats.MaxDepth > 210 {
		t.Errorf("MaxDepth %d: chains accumulated depth", f.Stats.MaxDepth)
	}
}
