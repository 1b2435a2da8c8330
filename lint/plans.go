package lint

import (
	"context"
	"fmt"
	"sort"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/plan"
)

// PlanResult is the plan of one reported script, with its lint result.
type PlanResult struct {
	Plan   *plan.Plan
	Result finding.FileResult
}

// Plans lints the paths in opts exactly as Run does and builds, for each
// reported script, its deployment plan: from the policy input its rules
// judged, the names policies/derived.rego derives from it, and its verdict.
// A script that could not be modelled (too large) has no plan.
func Plans(ctx context.Context, opts Options) ([]PlanResult, *finding.Report, error) {
	e, err := newEngine(opts)
	if err != nil {
		return nil, nil, err
	}
	rep, _, scripts, err := e.run(ctx)
	if err != nil {
		return nil, nil, err
	}
	byPath := map[string]*finding.FileResult{}
	for i := range rep.Files {
		byPath[rep.Files[i].Path] = &rep.Files[i]
	}
	var out []PlanResult
	for _, s := range scripts {
		fr := byPath[s.path.display]
		if s.in == nil || fr == nil || e.fragments[s.path.abs] {
			// A dot-sourced fragment is part of its includer's plan.
			continue
		}
		var dirs []string
		dirs = append(dirs, opts.PolicyDirs...)
		if s.cfg != nil {
			dirs = append(dirs, s.cfg.PolicyDirs...)
		}
		pol, err := e.policyFor(ctx, dirs)
		if err != nil {
			return nil, nil, err
		}
		d, err := pol.Derived(ctx, s.in)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: deriving names: %w", s.path.display, err)
		}
		p := plan.Build(s.in, d, fr)
		p.File = s.path.display
		out = append(out, PlanResult{Plan: p, Result: *fr})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Plan.File < out[j].Plan.File })
	return out, rep, nil
}
