package stage

import (
	"fmt"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/stage/directive"
)

// Inline applies `# pxlint-ignore` directives (kind "inSource") and reports
// what is wrong with them as PX010 findings at the comment: a missing
// reason or malformed date (the directive then suppresses nothing), an
// unknown rule, a rule that is not suppressible, or a rule that has no
// finding where the directive points. An expired until= date leaves the
// findings active with a note. Directives must be in source order.
//
// "Matches nothing" is not reported for a rule that is disabled or
// not_verified in this file: whether it would match is unknown.
func Inline(fr *finding.FileResult, env Env, dirs []directive.Directive) {
	var problems []finding.Finding
	report := func(d *directive.Directive, msg, fix string) {
		problems = append(problems, env.px010(fr, d, msg, fix))
	}
	for i := range dirs {
		d := &dirs[i]
		kind := "pxlint-ignore"
		if d.File {
			kind = "pxlint-ignore-file"
		}
		src := fmt.Sprintf("%s:%d", fr.Path, d.Region.StartLine)
		if len(d.Problems) > 0 {
			for _, p := range d.Problems {
				report(d, p, "")
			}
			for _, id := range d.Rules {
				forCovered(fr, d, id, func(f *finding.Finding) {
					addNote(f, fmt.Sprintf("%s at %s not applied: %s", kind, src, d.Problems[0]))
				})
			}
			continue
		}
		for _, id := range d.Rules {
			r, ok := env.lookup(id)
			if !ok {
				report(d, fmt.Sprintf("%s names unknown rule %s%s", kind, id, ruleHint(id)), "")
				continue
			}
			id = r.ID // a rule's name stands for its ID
			if strings.EqualFold(id, PX010) {
				report(d, kind+" cannot suppress PX010; disable it or add a waiver in .pxlint.hcl", "")
				continue
			}
			if !env.suppressible(id) {
				report(d, fmt.Sprintf("%s targets %s, which is not suppressible (suppressible = false): fix the finding instead", kind, id), "")
				forCovered(fr, d, id, func(f *finding.Finding) {
					addNote(f, fmt.Sprintf("%s at %s not applied: %s is not suppressible", kind, src, id))
				})
				continue
			}
			matched := forCovered(fr, d, id, func(f *finding.Finding) {
				switch {
				case f.Suppressed(): // an earlier directive took it
				case env.expired(d.Until):
					addNote(f, fmt.Sprintf("%s expired on %s (%s)", kind, d.Until, src))
				default:
					f.Suppression = &finding.Suppression{Kind: KindInSource, Justification: d.Reason, Source: src, Expires: d.Until}
				}
			})
			if matched == 0 && ran(fr, id) {
				report(d, fmt.Sprintf("%s %s matches no finding %s; remove it", kind, id, where(d)), "delete this suppression comment")
			}
		}
	}
	if b, ok := env.block(PX010); ok && b.Enabled != nil && !*b.Enabled {
		return // Disable already marked PX010 disabled
	}
	fr.Findings = append(fr.Findings, problems...)
	if len(problems) > 0 {
		setStatus(fr, PX010, finding.StatusFail, "")
	} else if status(fr, PX010) == "" {
		setStatus(fr, PX010, finding.StatusPass, "")
	}
}

// forCovered calls fn for each finding of rule id the directive covers and
// returns how many there were.
func forCovered(fr *finding.FileResult, d *directive.Directive, id string, fn func(*finding.Finding)) int {
	n := 0
	for i := range fr.Findings {
		f := &fr.Findings[i]
		if strings.EqualFold(f.RuleID, id) && d.Covers(f.Region) {
			n++
			fn(f)
		}
	}
	return n
}

// ran reports whether rule id was judged in this file (so "no finding"
// means it passed).
func ran(fr *finding.FileResult, id string) bool {
	switch status(fr, id) {
	case finding.StatusDisabled, finding.StatusNotVerified:
		return false
	}
	return true
}

func where(d *directive.Directive) string {
	switch {
	case d.File:
		return "in this file"
	case d.FromLine == 0:
		return "(no code follows it)"
	case d.FromLine == d.ToLine:
		return fmt.Sprintf("on line %d", d.FromLine)
	default:
		return fmt.Sprintf("on lines %d-%d", d.FromLine, d.ToLine)
	}
}

// px010 builds a PX010 finding at a directive's comment, with the severity
// the config gives PX010 for this script.
func (e Env) px010(fr *finding.FileResult, d *directive.Directive, msg, fix string) finding.Finding {
	f := finding.Finding{RuleID: PX010, Severity: finding.SeverityWarning, File: fr.Path, Message: msg, Fix: fix}
	if r, ok := e.lookup(PX010); ok {
		f.Severity, f.DocsURL = r.Severity, r.DocsURL()
	}
	if b, ok := e.block(PX010); ok && b.Severity != nil {
		f.Severity = *b.Severity
	}
	region := d.Region
	f.Region = &region
	return f
}

// ruleHint is " (did you mean PX102?)" for a mistyped built-in rule.
func ruleHint(id string) string {
	if s, ok := rules.Suggest(id); ok {
		return " (did you mean " + s + "?)"
	}
	return ""
}
