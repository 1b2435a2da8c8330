package lint

import (
	"fmt"
	"io"

	"github.com/pxlint/pxlint/lint/atomicfile"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/stage"
	"github.com/pxlint/pxlint/lint/stage/baseline"
)

// stages applies the post-evaluation pipeline to one file (lint/stage:
// rule disable → severity → inline suppressions → waivers → baseline).
func (e *engine) stages(s *script, fr *finding.FileResult, rs *ruleSet) error {
	lookup := func(id string) (rules.Rule, bool) {
		r, ok := rs.byID[id]
		return r, ok
	}
	if s.cfg != nil {
		// Rule blocks and waivers may name user rules, known only now.
		if err := s.cfg.CheckUserRules(lookup); err != nil {
			return err
		}
	}
	env := stage.Env{Config: s.cfg, Rules: lookup, Now: e.opts.Now, Script: s.path.rel, Usage: e.usage}
	stage.Run(fr, env, s.directives, e.baseline)
	return nil
}

// loadBaseline reads --baseline once per run.
func (e *engine) loadBaseline() error {
	if e.opts.BaselinePath == "" {
		return nil
	}
	b, err := baseline.Load(e.opts.BaselinePath)
	if err != nil {
		return err
	}
	e.baseline = b.Matcher()
	return nil
}

// baselines writes --write-baseline (the findings still active after every
// stage, so a baseline written with --baseline grows only by new ones).
func (e *engine) baselines(rep *finding.Report) error {
	if e.baseline != nil {
		if n := len(e.baseline.Unused()); n > 0 {
			rep.Notices = append(rep.Notices, fmt.Sprintf("%d baseline entr%s matched no finding (fixed?): rewrite it with --write-baseline to shrink it", n, plural(n, "y", "ies")))
		}
	}
	if e.opts.WriteBaselinePath == "" {
		return nil
	}
	data, err := baseline.Write(rep, "")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(e.opts.WriteBaselinePath, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	rep.Notices = append(rep.Notices, fmt.Sprintf("baseline written to %s", e.opts.WriteBaselinePath))
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
