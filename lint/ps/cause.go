package ps

import (
	"fmt"
	"strings"
)

// maxCauseTries bounds the re-parses runOnString makes (each is a whole
// parse, made only for a script that does not parse).
const maxCauseTries = 3

// runOnString looks for the cause of a failed parse in a quoted string
// that runs over line breaks before the first error: PowerShell allows
// such strings, so one missing closing quote makes the string swallow the
// lines below it, every later quote pairs up wrongly, and the error
// PowerShell reports comes lines later (or at the end of the file). Each
// such string, first one first, is tried as ending at its own line; the
// first try that leaves fewer parse errors is the answer: its PX001
// points at the string, says where it ran on to, and gives the original
// error as a related location. nil when no string explains the failure.
func runOnString(src *Source, lim Limits, f *File) *File {
	first, last, n := parseErrorRange(f.Diagnostics)
	if n == 0 {
		return nil
	}
	tries := 0
	for _, t := range f.Tokens {
		if tries == maxCauseTries || t.Span.Start.Offset >= last.Span.Start.Offset {
			break
		}
		if t.Kind != TokString && t.Kind != TokExpandableString || t.Unterminated() ||
			t.Span.End.Line == t.Span.Start.Line {
			continue
		}
		tries++
		g := parseOnce(src, lim, t.off)
		cause, rest, earlier := -1, 0, false
		for i, d := range g.Diagnostics {
			if d.Rule != RuleParseError {
				continue
			}
			if d.Span.Start.Offset == t.Span.Start.Offset && cause < 0 {
				cause = i
				continue
			}
			rest++
			earlier = earlier || d.Span.Start.Offset <= first.Span.Start.Offset
		}
		// The cut explains the failure when it leaves fewer errors, or
		// only errors after the first one (independent mistakes further
		// down). Cutting a string that was meant to span lines instead
		// turns its other lines into errors before the first one.
		if cause < 0 || g.Stats.Limit != "" || rest >= n && earlier {
			continue
		}
		g.Diagnostics[cause] = runOnDiagnostic(src, t, g.Diagnostics[cause].Span, symptomAfter(f.Diagnostics, t))
		return g
	}
	return nil
}

// parseErrorRange returns the earliest and the latest PX001 and their number.
func parseErrorRange(ds []Diagnostic) (first, last Diagnostic, n int) {
	for _, d := range ds {
		if d.Rule != RuleParseError {
			continue
		}
		if n == 0 || d.Span.Start.Offset < first.Span.Start.Offset {
			first = d
		}
		if n == 0 || d.Span.Start.Offset > last.Span.Start.Offset {
			last = d
		}
		n++
	}
	return first, last, n
}

// symptomAfter is the first PX001 after the start of string t: where the
// parse failed once the string had run on (an unclosed bracket is
// reported at its opener, which may come before the string).
func symptomAfter(ds []Diagnostic, t Token) Diagnostic {
	var best Diagnostic
	found := false
	for _, d := range ds {
		if d.Rule == RuleParseError && d.Span.Start.Offset > t.Span.Start.Offset &&
			(!found || d.Span.Start.Offset < best.Span.Start.Offset) {
			best, found = d, true
		}
	}
	if !found {
		best, _, _ = parseErrorRange(ds)
	}
	return best
}

// runOnDiagnostic is the cause-first PX001 of string t (which ran on in
// PowerShell's reading), at sp (the string up to its line end).
func runOnDiagnostic(src *Source, t Token, sp Span, symptom Diagnostic) Diagnostic {
	quote, _ := runeAt(t.Text, 0)
	closing := string(quote)
	switch {
	case isDoubleQuote(quote):
		closing = `"`
	case isSingleQuote(quote):
		closing = "'"
	}
	d := Diagnostic{Rule: RuleParseError, Span: sp,
		Message: fmt.Sprintf("this string runs on to line %d: a closing quote is probably missing here", t.Span.End.Line),
		Fix:     fmt.Sprintf("end the string on line %d with %s", sp.Start.Line, closing),
		Related: []Related{{Span: symptom.Span, Message: "the parse fails here: " + symptom.Message}},
	}
	if line := strings.TrimRight(src.Line(sp.Start.Line), " \t"); strings.HasSuffix(line, ",") {
		d.Fix = fmt.Sprintf("end the string on line %d with %s before the comma", sp.Start.Line, closing)
	}
	return d
}
