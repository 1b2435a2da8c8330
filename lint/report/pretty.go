package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/fatih/color"
	"golang.org/x/text/width"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// palette holds the colours of the pretty format. Each colour is forced on
// or off from Options, never from fatih/color's global guess, so the same
// options give the same bytes.
type palette struct {
	err, warn, info, dim, bold, ok func(a ...any) string
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) func(a ...any) string {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c.SprintFunc()
	}
	return palette{
		err: mk(color.FgRed, color.Bold), warn: mk(color.FgYellow, color.Bold), info: mk(color.FgCyan),
		dim: mk(color.Faint), bold: mk(color.Bold), ok: mk(color.FgGreen),
	}
}

func (p palette) severity(s finding.Severity) string {
	switch s {
	case finding.SeverityError:
		return p.err(s.String())
	case finding.SeverityWarning:
		return p.warn(s.String())
	default:
		return p.info(s.String())
	}
}

// tabWidth is how far a tab advances in snippets (to the next multiple).
const tabWidth = 4

// maxSnippetWidth bounds a printed source line, in terminal cells, so a
// pathological one-line script cannot flood the terminal.
const maxSnippetWidth = 240

// writePretty is the human format (the default):
//
//	path:line:col: error PX102 CIDR prefix with host bits set
//	  91.90.42.96/26 has host bits set; the network is 91.90.42.64/26
//	   12 | $PxNodesSourceAddressPrefixes = @("91.90.42.96/26")
//	      |                                    ^~~~~~~~~~~~~~~~
//	  fix: write 91.90.42.64/26
//	  docs: https://.../PX102.md
//
// then a summary per file and in total. Suppressed findings are dimmed and
// say why; file-level findings have no line. Every text that came from input
// (file names, messages, fixes, reasons, snippets, notices) goes through
// escape.Text: a message is one line, with a newline in a value shown as \n,
// so a script can neither drive the terminal nor start a CI log command.
func writePretty(w io.Writer, r *finding.Report, rs []rules.Rule, opt Options) error {
	idx := indexRules(rs)
	p := newPalette(opt.Color)
	bw := bufio.NewWriter(w)
	var total finding.Count
	printed := false
	for i := range r.Files {
		fr := &r.Files[i]
		for j := range fr.Findings {
			writePrettyFinding(bw, p, idx, fr, &fr.Findings[j])
			printed = true
		}
		total = total.Add(fr.Tally())
	}
	if printed {
		fmt.Fprintln(bw) // a blank line between the findings and the summary
	}
	for i := range r.Files {
		writePrettyFileSummary(bw, p, &r.Files[i], opt.Verbose)
	}
	for _, n := range r.Notices {
		fmt.Fprintf(bw, "%s %s\n", p.dim("note:"), escape.Text(n))
	}
	writePrettyTotal(bw, p, r, total, idx)
	return bw.Flush()
}

func writePrettyFinding(bw *bufio.Writer, p palette, idx ruleIndex, fr *finding.FileResult, f *finding.Finding) {
	loc := escape.Text(f.File)
	if f.Region != nil {
		loc += fmt.Sprintf(":%d:%d", f.Region.StartLine, f.Region.StartColumn)
	}
	head := fmt.Sprintf("%s: %s %s", p.bold(loc), p.severity(f.Severity), escape.Text(idx.title(f.RuleID)))
	indent := "  "
	if s := f.Suppression; s != nil {
		// Dim the whole entry: it is shown for the record, it does not count.
		fmt.Fprintln(bw, p.dim(fmt.Sprintf("%s: %s %s (%s: %s)", loc, f.Severity, escape.Text(idx.title(f.RuleID)), suppressedBy(s), escape.Text(s.Justification))))
		fmt.Fprintln(bw, p.dim(indent+escape.Text(f.Message)))
		return
	}
	fmt.Fprintln(bw, head)
	fmt.Fprintln(bw, indent+escape.Text(f.Message))
	if f.Region != nil {
		writeSnippet(bw, p, fr.Lines, f.Region, f.Severity)
	}
	for _, rel := range f.Related {
		where := escape.Text(rel.File)
		if rel.Region != nil {
			where += fmt.Sprintf(":%d:%d", rel.Region.StartLine, rel.Region.StartColumn)
		}
		if rel.Message != "" {
			where += ": " + escape.Text(rel.Message)
		}
		fmt.Fprintf(bw, "%s%s %s\n", indent, p.dim("related:"), where)
	}
	if f.Fix != "" {
		fmt.Fprintf(bw, "%s%s %s\n", indent, p.ok("fix:"), escape.Text(f.Fix))
	}
	docs := f.DocsURL
	if docs == "" {
		if m, ok := idx[f.RuleID]; ok {
			docs = m.DocsURL()
		}
	}
	if docs != "" {
		fmt.Fprintf(bw, "%s%s %s\n", indent, p.dim("docs:"), escape.Text(docs))
	}
}

// suppressedBy says in words what suppressed a finding and where:
// "ignored by a comment at x.ps1:2", "waived at .pxlint.hcl:12",
// "in the baseline".
func suppressedBy(s *finding.Suppression) string {
	var what string
	switch s.Kind {
	case "inSource":
		what = "ignored by a comment"
	case "external":
		what = "waived"
	case "baseline":
		what = "in the baseline"
	default:
		what = "suppressed (" + escape.Text(s.Kind) + ")"
	}
	if s.Source != "" {
		what += " at " + escape.Text(s.Source)
	}
	if s.Expires != "" {
		what += " until " + escape.Text(s.Expires)
	}
	return what
}

// writeSnippet prints the source line of a region with a marker under the
// span: '^' under its first character and '~' under the rest, up to the end
// of the line when the span continues on later lines.
func writeSnippet(bw *bufio.Writer, p palette, lines []string, g *finding.Region, sev finding.Severity) {
	if g.StartLine < 1 || g.StartLine > len(lines) {
		return
	}
	line := []rune(lines[g.StartLine-1])
	start := clamp(g.StartColumn-1, 0, len(line))
	end := len(line)
	if g.EndLine == g.StartLine && g.EndColumn > g.StartColumn {
		end = clamp(g.EndColumn-1, start, len(line))
	}
	var text, marker strings.Builder
	col := 0
	first := 0
	if cellsBefore(line, start) >= maxSnippetWidth-snippetLead {
		// The span starts past what a line shows (PX011 on a long line):
		// show the line from a little before it, so the marker is never
		// empty.
		first = start - snippetLead
		text.WriteString("…")
		marker.WriteString(" ")
		col = 1
	}
	for i, r := range line {
		if i < first {
			continue
		}
		cell, w := displayRune(r, col)
		if vsoAt(line, i) {
			// Azure DevOps acts on "##vso[" anywhere in a line: break it as
			// escape.Text does, the marker widening with it.
			cell, w = `#\`, 2
		}
		if col+w > maxSnippetWidth {
			text.WriteString("…")
			break
		}
		text.WriteString(cell)
		switch {
		case i < start:
			marker.WriteString(strings.Repeat(" ", w))
		case i == start:
			marker.WriteString("^" + strings.Repeat("~", max(w-1, 0)))
		case i < end:
			marker.WriteString(strings.Repeat("~", w))
		}
		col += w
	}
	if start >= len(line) && col < maxSnippetWidth {
		// The span starts at the end of the line (e.g. a missing value).
		marker.WriteString("^")
	}
	num := strconv.Itoa(g.StartLine)
	gutter := strings.Repeat(" ", len(num))
	fmt.Fprintf(bw, "  %s %s %s\n", p.dim(num), p.dim("|"), text.String())
	mark := strings.TrimRight(marker.String(), " ")
	if mark == "" {
		return // no empty marker line
	}
	switch sev {
	case finding.SeverityError:
		mark = p.err(mark)
	case finding.SeverityWarning:
		mark = p.warn(mark)
	default:
		mark = p.info(mark)
	}
	fmt.Fprintf(bw, "  %s %s %s\n", gutter, p.dim("|"), mark)
}

// snippetLead is how many characters before a far-right span a snippet
// shows.
const snippetLead = 40

// cellsBefore is the display width of line[:n].
func cellsBefore(line []rune, n int) int {
	col := 0
	for _, r := range line[:n] {
		_, w := displayRune(r, col)
		col += w
	}
	return col
}

// displayRune is how a rune of a source line is shown at display column
// col, and how many terminal cells it takes: tabs expand to the next stop,
// East Asian wide characters take two cells, combining marks none, and
// control characters are shown escaped as escape.Text shows them (\x1b), one
// cell per character of the escape so the marker stays aligned.
func displayRune(r rune, col int) (string, int) {
	switch {
	case r == '\t':
		n := tabWidth - col%tabWidth
		return strings.Repeat(" ", n), n
	case escape.IsControl(r):
		e := escape.Text(string(r))
		return e, len(e)
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200B' || r == '\uFEFF':
		return string(r), 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return string(r), 2
	}
	return string(r), 1
}

// vsoAt reports whether line holds "##vso[" (any case) at i.
func vsoAt(line []rune, i int) bool {
	const marker = "##vso["
	if line[i] != '#' || i+len(marker) > len(line) {
		return false
	}
	return strings.EqualFold(string(line[i:i+len(marker)]), marker)
}

func clamp(v, lo, hi int) int {
	return min(max(v, lo), hi)
}

// findingsPhrase is "3 errors, 1 warning, 2 suppressed": the non-zero
// counts, or "no findings".
func findingsPhrase(c finding.Count) string {
	var parts []string
	for _, n := range []struct {
		n         int
		one, many string
	}{{c.Errors, "error", "errors"}, {c.Warnings, "warning", "warnings"}, {c.Infos, "info", "infos"}, {c.SuppressedFindings, "suppressed", "suppressed"}} {
		if n.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n.n, plural(n.n, n.one, n.many)))
		}
	}
	if len(parts) == 0 {
		return "no findings"
	}
	return strings.Join(parts, ", ")
}

// statusPhrase is "rules: 40 passed, 2 failed, 1 not verified, 3
// disabled": the non-zero statuses in plain words.
func statusPhrase(c finding.Count) string {
	var parts []string
	for _, n := range []struct {
		n    int
		word string
	}{{c.Pass, "passed"}, {c.Fail, "failed"}, {c.NotVerified, "not verified"}, {c.Disabled, "disabled"}, {c.Suppressed, "suppressed"}} {
		if n.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n.n, n.word))
		}
	}
	if len(parts) == 0 {
		return "no rules ran"
	}
	return "rules: " + strings.Join(parts, ", ")
}

func writePrettyFileSummary(bw *bufio.Writer, p palette, fr *finding.FileResult, verbose bool) {
	c := fr.Tally()
	name := escape.Text(fr.Path)
	if fr.Profile != "" {
		name += " (profile " + escape.Text(fr.Profile) + ")"
	}
	fmt.Fprintf(bw, "%s: %s; %s\n", p.bold(name), findingsPhrase(c), statusPhrase(c))
	// Rules sharing a reason (no certificate given, no facts) share a line.
	var notVerified, suppressed, sources grouped
	for _, s := range fr.Statuses {
		switch {
		case s.Status == finding.StatusNotVerified:
			notVerified.add(orDash(s.Reason), s.RuleID)
		case s.Status == finding.StatusSuppressed:
			suppressed.add(orDash(s.Reason), s.RuleID)
		case s.Source != "" && s.Status != finding.StatusDisabled:
			sources.add(s.Source, s.RuleID)
		}
	}
	if verbose {
		for _, g := range notVerified {
			fmt.Fprintf(bw, "  %s %s: %s\n", p.warn("not verified"), g.ids, escape.Text(g.key))
		}
	} else if len(notVerified) > 0 {
		// The reasons repeat on every run (no certificate, no facts): one
		// line per file says what is missing, --verbose says why.
		fmt.Fprintf(bw, "  %s %s — see --verbose\n", p.warn("not verified:"), topicsPhrase(notVerifiedTopics(fr.Statuses)))
	}
	for _, g := range suppressed {
		fmt.Fprintf(bw, "  %s %s: %s\n", p.dim("suppressed"), g.ids, escape.Text(g.key))
	}
	if verbose {
		for _, g := range sources {
			fmt.Fprintf(bw, "  %s %s: %s\n", p.dim("prerequisites checked from"), escape.Text(g.key), g.ids)
		}
	}
}

// grouped collects rule IDs under a key, keeping first-seen order.
type grouped []struct{ key, ids string }

func (g *grouped) add(key, id string) {
	for i := range *g {
		if (*g)[i].key == key {
			(*g)[i].ids += ", " + escape.Text(id)
			return
		}
	}
	*g = append(*g, struct{ key, ids string }{key, escape.Text(id)})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writePrettyTotal(bw *bufio.Writer, p palette, r *finding.Report, c finding.Count, idx ruleIndex) {
	if len(r.Files) == 0 {
		// Nothing was judged: neither PASS nor a threshold means anything.
		fmt.Fprintf(bw, "%s no variables script found, nothing was linted\n", p.warn("nothing to check:"))
		return
	}
	files := fmt.Sprintf("%d %s", len(r.Files), plural(len(r.Files), "file", "files"))
	fmt.Fprintf(bw, "%s: %s; %s\n", p.bold("total, "+files), findingsPhrase(c), statusPhrase(c))
	fmt.Fprintln(bw, verdict(p, r, c, idx))
}
