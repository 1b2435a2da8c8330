package lint

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/ps"
)

// minScrubRunes is the shortest secret text scrubbed from policy messages:
// shorter ones would blank ordinary words, and are no password Azure
// accepts anyway.
const minScrubRunes = 4

// scrubber masks the literal secrets of one script in the texts policies
// write (messages, fixes, reasons). The policy input never holds them
// (DESIGN, "Secrets never travel"), so this is the second line of defence
// against a user policy that knows or reconstructs one.
type scrubber struct{ secrets []string }

// newScrubber collects the texts of a script's secret spans: as written,
// without their quotes, and line by line.
func newScrubber(src *ps.Source, spans []model.Span) scrubber {
	seen := map[string]bool{}
	add := func(s string) {
		if utf8.RuneCountInString(s) >= minScrubRunes && !seen[s] {
			seen[s] = true
		}
	}
	for _, sp := range spans {
		text := spanText(src, sp)
		add(text)
		inner := strings.Trim(text, "@'\"‘’‚‛“”„")
		add(inner)
		for _, l := range strings.Split(inner, "\n") {
			add(strings.TrimSpace(l))
		}
	}
	s := scrubber{}
	for t := range seen {
		s.secrets = append(s.secrets, t)
	}
	// Longest first, so that a secret containing another is masked whole.
	sort.Slice(s.secrets, func(i, j int) bool {
		if len(s.secrets[i]) != len(s.secrets[j]) {
			return len(s.secrets[i]) > len(s.secrets[j])
		}
		return s.secrets[i] < s.secrets[j]
	})
	return s
}

// spanText is the source text of a span (1-based lines, columns in code
// points, end exclusive).
func spanText(src *ps.Source, sp model.Span) string {
	var b strings.Builder
	for l := sp.StartLine; l <= sp.EndLine && l <= src.LineCount(); l++ {
		r := []rune(src.Line(l))
		from, to := 0, len(r)
		if l == sp.StartLine {
			from = min(max(sp.StartColumn-1, 0), len(r))
		}
		if l == sp.EndLine {
			to = min(max(sp.EndColumn-1, from), len(r))
		}
		if l > sp.StartLine {
			b.WriteByte('\n')
		}
		b.WriteString(string(r[from:to]))
	}
	return b.String()
}

// text masks every secret in s.
func (s scrubber) text(t string) string {
	for _, sec := range s.secrets {
		if strings.Contains(t, sec) {
			t = strings.ReplaceAll(t, sec, "***")
		}
	}
	return t
}

// output masks secrets in everything a policy evaluation wrote.
func (s scrubber) output(out *policy.Output) {
	if len(s.secrets) == 0 || out == nil {
		return
	}
	for i := range out.Deny {
		r := &out.Deny[i]
		r.Msg, r.Fix = s.text(r.Msg), s.text(r.Fix)
		for j := range r.Related {
			r.Related[j].Message = s.text(r.Related[j].Message)
		}
	}
	for i := range out.NotVerified {
		out.NotVerified[i].Reason = s.text(out.NotVerified[i].Reason)
	}
}
