// Package directive reads `# pxlint-ignore` comments out of a script and
// works out which lines each one covers. It only parses; judging directives
// (unknown rules, missing reasons, matching nothing) is the inline stage's
// job (lint/stage), which reports problems as PX010.
//
// Syntax (one line comment each):
//
//	# pxlint-ignore PX104[,PX105 ...] [until=YYYY-MM-DD] -- reason
//	# pxlint-ignore-file PX104[,PX105 ...] [until=YYYY-MM-DD] -- reason
//
// A pxlint-ignore comment on its own line covers the next statement (all of
// its lines); inside a multi-line statement, such as between the elements
// of an @( ) array, it covers the next line of code. After code on the same
// line it covers that line only. pxlint-ignore-file covers the whole file.
package directive

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/pxlint/pxlint/lint/finding"
)

// Directive is one parsed suppression comment.
type Directive struct {
	// File is true for pxlint-ignore-file.
	File bool
	// Rules are the named rule IDs, upper-cased for PXnnn, in written order.
	Rules []string
	// Until is the written expiry date (YYYY-MM-DD), "" when none.
	Until  string
	Reason string
	// Region is the comment's span in the script.
	Region finding.Region
	// FromLine and ToLine are the lines a line directive covers (inclusive);
	// both 0 when it covers nothing (no code follows it).
	FromLine, ToLine int
	// Problems says why the directive is malformed (no reason, bad date, no
	// rule); a malformed directive suppresses nothing.
	Problems []string
}

// Covers reports whether the directive applies to a finding's region.
// File directives cover everything, file-level findings (nil region)
// included; line directives only findings that start on a covered line.
func (d *Directive) Covers(r *finding.Region) bool {
	if d.File {
		return true
	}
	return r != nil && d.FromLine > 0 && r.StartLine >= d.FromLine && r.StartLine <= d.ToLine
}

// Comment is one comment of the script.
type Comment struct {
	Text   string // including the leading "#"
	Region finding.Region
}

// Layout is what target resolution needs to know about the script's code,
// independent of the parser: where code tokens are and where statements
// start and end.
type Layout struct {
	// Code lists the start of every code token (not whitespace, newline or
	// comment), in source order.
	Code []Pos
	// Statements lists every statement (nested ones included), in any order.
	Statements []Statement
}

// Pos is a 1-based line and column (code points).
type Pos struct{ Line, Col int }

// Statement is where one statement starts and on which line it ends.
type Statement struct {
	Start   Pos
	EndLine int
}

var (
	keyword = regexp.MustCompile(`(?i)^#\s*pxlint-ignore(-file)?(?::|\s|$)`)
	// ruleID is compiled on first use (a directive naming a rule): its
	// bounded repetition made it a costly compile at every start-up.
	ruleID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.:-]{0,63}$`) })
	pxID   = regexp.MustCompile(`(?i)^PX[0-9]+$`)
)

// Parse reads the directives among comments and resolves what each covers.
// Comments that are not directives are skipped; a directive written as a
// block comment (<# #>) is returned with a problem, so it suppresses nothing
// and is reported.
func Parse(comments []Comment, layout Layout) []Directive {
	var out []Directive
	for _, c := range comments {
		d, ok := ParseText(c.Text)
		if block, isBlock := strings.CutPrefix(c.Text, "<#"); isBlock {
			// PowerShell users may try <# pxlint-ignore ... #>: say it is
			// not read rather than ignore it silently.
			d, ok = ParseText("#" + strings.TrimSuffix(block, "#>"))
			if ok {
				d.Problems = append([]string{"pxlint-ignore must be a # line comment; <# #> block comments are not read"}, d.Problems...)
			}
		}
		if !ok {
			continue
		}
		d.Region = c.Region
		if !d.File {
			d.FromLine, d.ToLine = target(c.Region, layout)
		}
		out = append(out, d)
	}
	return out
}

// ParseText parses one comment's text; ok is false when it is no directive.
func ParseText(text string) (d Directive, ok bool) {
	m := keyword.FindStringSubmatch(text)
	if m == nil {
		return Directive{}, false
	}
	d.File = m[1] != ""
	kind := "pxlint-ignore"
	if d.File {
		kind = "pxlint-ignore-file"
	}
	rest := text[len(m[0]):]
	head, reason, hasSep := cutReason(rest)
	d.Reason = strings.TrimSpace(reason)
	for _, field := range strings.Fields(head) {
		if v, isUntil := cutPrefixFold(field, "until="); isUntil {
			if d.Until != "" {
				d.Problems = append(d.Problems, kind+" has two until= dates")
			}
			d.Until = v
			if _, err := time.Parse(time.DateOnly, v); err != nil {
				d.Problems = append(d.Problems, fmt.Sprintf("%s has a bad until date %q: want until=YYYY-MM-DD", kind, v))
			}
			continue
		}
		for _, id := range strings.Split(field, ",") {
			if id == "" {
				continue
			}
			if !ruleID().MatchString(id) {
				d.Problems = append(d.Problems, fmt.Sprintf("%s: %q is not a rule ID", kind, id))
				continue
			}
			if pxID.MatchString(id) {
				id = strings.ToUpper(id)
			}
			d.Rules = append(d.Rules, id)
		}
	}
	if len(d.Rules) == 0 {
		d.Problems = append(d.Problems, kind+" names no rule: list the rule IDs, e.g. "+kind+" PX105 -- reason")
	}
	if !hasSep || d.Reason == "" {
		d.Problems = append(d.Problems, kind+` has no reason: add " -- " and why the exception is acceptable`)
	}
	return d, true
}

// cutReason splits at the first "--" that starts a word, so rule IDs or
// dates never swallow it but "re-enable--later" in a reason is kept. An em
// or en dash (what word processors and chat tools turn "--" into) counts
// too, as PowerShell itself treats them as dashes.
func cutReason(s string) (head, reason string, found bool) {
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] != ' ' && s[i-1] != '\t' {
			continue
		}
		for _, sep := range []string{"--", "\u2014", "\u2013"} {
			if strings.HasPrefix(s[i:], sep) {
				return s[:i], s[i+len(sep):], true
			}
		}
	}
	return s, "", false
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return "", false
}

// target works out the lines a line directive at comment covers.
func target(comment finding.Region, layout Layout) (from, to int) {
	next := -1
	for i, p := range layout.Code {
		if p.Line == comment.StartLine && p.Col < comment.StartColumn {
			// code before the comment on its line: a trailing directive
			return comment.StartLine, comment.StartLine
		}
		if next < 0 && after(p, comment) {
			next = i
		}
	}
	if next < 0 {
		return 0, 0
	}
	p := layout.Code[next]
	// The longest statement starting at that token is the one the comment
	// precedes; none starting there means the comment sits inside a
	// statement, so it covers that next line of code only.
	to = p.Line
	for _, s := range layout.Statements {
		if s.Start == p && s.EndLine > to {
			to = s.EndLine
		}
	}
	return p.Line, to
}

// after reports whether p lies after the comment ends.
func after(p Pos, c finding.Region) bool {
	return p.Line > c.EndLine || (p.Line == c.EndLine && p.Col >= c.EndColumn)
}
