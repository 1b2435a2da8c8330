package lint

import (
	"fmt"
	"strings"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
)

// unusedWaivers returns a notice for each waiver that matched no finding in
// this run, as golangci-lint's nolintlint reports a //nolint that
// suppresses nothing: a stale waiver would silently cover the next,
// unrelated finding of its rule. It is a notice, not a finding: it is about
// .pxlint.hcl, not a script, and it does not change the exit code.
//
// A waiver is reported only where the run can tell: its config governs
// scripts inside a git work tree (where the run sees every variables script
// of the tree, named or loaded as context), no script its paths cover was
// left unjudged, and in every judged script it covers its rule reached a
// verdict (pass, fail or suppressed; not not_verified or disabled). So
// linting one script of a repository, or a certificate rule without the
// certificate, never calls a waiver unused.
//
// judged[i] is the script of results[i]; context are the repository's
// other scripts, loaded but not judged.
func (e *engine) unusedWaivers(judged []*script, results []finding.FileResult, context []*script) []string {
	if e.usage == nil {
		return nil
	}
	var cfgs []*config.Config
	seen := map[*config.Config]bool{}
	for _, s := range judged {
		if s.cfg != nil && !seen[s.cfg] {
			seen[s.cfg] = true
			cfgs = append(cfgs, s.cfg)
		}
	}
	var notices []string
	for _, cfg := range cfgs {
		if !allInGit(judged, cfg) {
			continue
		}
		for _, w := range e.usage.Unused(cfg) {
			if waiverDecidable(w, cfg, judged, results, context) {
				notices = append(notices, fmt.Sprintf("%s: waiver %q matched no finding (fixed? remove the waiver)", w.Source, w.RuleID))
			}
		}
	}
	return notices
}

// allInGit reports whether every judged script cfg governs is in a git work
// tree, so the run's repository context lists the others.
func allInGit(judged []*script, cfg *config.Config) bool {
	for _, s := range judged {
		if s.cfg == cfg && !s.path.inGit {
			return false
		}
	}
	return true
}

// waiverDecidable reports whether the run judged every script of cfg that w
// covers, each with a verdict of w's rule.
func waiverDecidable(w config.Waiver, cfg *config.Config, judged []*script, results []finding.FileResult, context []*script) bool {
	for _, s := range context {
		if s.cfg == cfg && w.CoversPath(s.path.rel) {
			return false
		}
	}
	for i, s := range judged {
		if s.cfg != cfg || !w.CoversPath(s.path.rel) {
			continue
		}
		switch ruleStatus(&results[i], w.RuleID) {
		case finding.StatusPass, finding.StatusFail, finding.StatusSuppressed:
		default:
			return false
		}
	}
	return true
}

// ruleStatus is the status of rule id in a file's result, "" when it has
// none.
func ruleStatus(fr *finding.FileResult, id string) finding.Status {
	for _, s := range fr.Statuses {
		if strings.EqualFold(s.RuleID, id) {
			return s.Status
		}
	}
	return ""
}
