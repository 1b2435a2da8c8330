package lint

import (
	"fmt"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
)

// tooLarge is the whole result of a script larger than pxlint reads: one
// PX011 (analysis-limit) finding about the file, and no other rule judged.
func (e *engine) tooLarge(s *script) *finding.FileResult {
	meta, _ := rules.Get(rules.PX011)
	return &finding.FileResult{Path: s.path.display, Script: s.path.rel,
		Findings: []finding.Finding{{RuleID: rules.PX011, Severity: meta.Severity, File: s.path.display, DocsURL: meta.DocsURL(),
			Message: fmt.Sprintf("the file is larger than %d MiB, the most pxlint reads; it was not analysed", e.limits.Script>>20),
			Fix:     "a variables script is a few KiB: check that this is the right file"}},
		Statuses: []finding.RuleStatus{{RuleID: rules.PX011, Status: finding.StatusFail}},
	}
}

// stoppedEarly is why no rule but the parser's can judge a script whose
// parse stopped at a limit: the rest of the file was not read, so a
// "missing" variable may sit below the point where analysis stopped.
// It is "" when the parser read the whole script.
func stoppedEarly(f *ps.File) string {
	if f.Stats.Limit == "" {
		return ""
	}
	return "analysis stopped early (" + f.Stats.Limit + " limit, PX011): the script was not read to the end"
}

// firstStop keeps one PX011 diagnostic for the limit that stopped the
// parser, at the first place it fired: the same bound would otherwise be
// reported at each place the parser gave up.
func firstStop(f *ps.File, diags []ps.Diagnostic) []ps.Diagnostic {
	if f.Stats.Limit == "" {
		return diags
	}
	out := make([]ps.Diagnostic, 0, len(diags))
	seen := false
	for _, d := range diags {
		if d.Rule == rules.PX011 {
			if seen {
				continue
			}
			seen = true
		}
		out = append(out, d)
	}
	return out
}
