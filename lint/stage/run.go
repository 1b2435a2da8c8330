package stage

import (
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/stage/baseline"
	"github.com/pxlint/pxlint/lint/stage/directive"
)

// Run takes one file's result through every stage, in order. dirs are the
// script's directives (directive.FromFile); base may be nil (no --baseline).
// The exit code then comes from finding.Report.ExitCode (fail_on).
func Run(fr *finding.FileResult, env Env, dirs []directive.Directive, base *baseline.Matcher) {
	Disable(fr, env)
	OverrideSeverity(fr, env)
	Inline(fr, env, dirs)
	Waive(fr, env)
	Baseline(fr, env, base)
	Finish(fr)
}
