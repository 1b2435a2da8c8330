package lint

import (
	"context"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
)

// judge runs every rule over one script and computes its statuses: the
// checkers say what they found (checked), one conversion makes findings of
// it (judgement.finding) and one pass the statuses (statuses). repo is the
// script's repository context; includers are the linted scripts that
// dot-source it: then it is a fragment, judged alone only for its own
// syntax, secrets and values. ev evaluates its policies.
func (e *engine) judge(ctx context.Context, ev *evaluators, s *script, repo []model.ScriptSummary, includers []*script) (*finding.FileResult, error) {
	if s.tooLarge {
		return e.tooLarge(s), nil
	}
	in, err := e.input(s, repo)
	if err != nil {
		return nil, err
	}
	s.in = in
	stopped := stoppedEarly(s.file)
	// The policies evaluate on an evaluator goroutine (ev) as soon as they
	// are prepared, beside the schema's compile and the other checkers:
	// in a run of one script the other core would idle meanwhile. The
	// input is converted first, here, while the policies may still be
	// preparing and before any checker reads it.
	var val ast.Value
	if stopped == "" {
		if val, err = e.policyInput(in); err != nil {
			return nil, fmt.Errorf("%s: policy input: %w", s.path.display, err)
		}
	}
	pol, err := e.policiesFor(ctx, s)
	if err != nil {
		return nil, err
	}
	var evaluated <-chan policyOutput
	if stopped == "" {
		evaluated = ev.eval(ctx, pol, val)
	}
	sch, err := e.schemaOf(s)
	if err != nil {
		return nil, err
	}
	j := &judgement{e: e, s: s, in: in, rs: e.ruleSetFor(pol, sch), lines: maskedLines(s.src, s.res.SecretSpans)}

	// The checkers run in the order their not_verified reasons take
	// precedence (the first reason given for a rule wins): PX602's, PX509's
	// (checkSchema), PX007's, then the policies'.
	c := newChecked()
	j.checkDiagnostics(c)
	if c.stopped = stopped; c.stopped == "" {
		if len(includers) == 0 { // a fragment is compared as part of its includer
			if err := e.checkAgainst(ctx, c, s, in); err != nil {
				return nil, err
			}
		}
		j.checkSchema(c, sch)
		checkNotEvaluated(c, j.rs, in)
		if err := j.checkPolicies(c, <-evaluated); err != nil {
			return nil, err
		}
	}

	fr := &finding.FileResult{Path: s.path.display, Script: s.path.rel, Profile: in.Profile, Lines: j.lines}
	e.setFailOn(fr, s)
	for _, v := range c.verdicts {
		if f, ok := j.finding(v); ok {
			fr.Findings = append(fr.Findings, f)
		}
	}
	fr.Statuses = statuses(j.rs.scripts, fr.Findings, c)
	if len(includers) > 0 {
		asFragment(fr, j.rs, includers)
	}
	if err := e.stages(s, fr, j.rs); err != nil {
		return nil, err
	}
	if fix.Fixable(fr.Findings) {
		fix.Attach(&fix.Context{Src: s.src, Tokens: e.scriptTokens(s), Input: in, Secrets: s.res.SecretSpans}, fr.Findings)
	}
	fr.Sort()
	return fr, nil
}

// asFragment keeps, for a dot-sourced fragment, the findings of the rules
// that judge a file on its own (syntax, secrets, values: rules.Rule.Fragment)
// and makes every deployment rule not_verified: the fragment is judged as
// part of each includer (DESIGN, Deployments, not files).
func asFragment(fr *finding.FileResult, rs *ruleSet, includers []*script) {
	names := make([]string, len(includers))
	for i, inc := range includers {
		names[i] = inc.path.display
	}
	reason := fmt.Sprintf("dot-sourced by %s: judged as part of it, not as a deployment of its own", strings.Join(names, ", "))
	if len(names) > 1 {
		reason = fmt.Sprintf("dot-sourced by %s: judged as part of each of them, not as a deployment of its own", strings.Join(names, ", "))
	}
	kept := fr.Findings[:0]
	for _, f := range fr.Findings {
		if rs.get(f.RuleID).Fragment {
			kept = append(kept, f)
		}
	}
	fr.Findings = kept
	for i, st := range fr.Statuses {
		if !rs.get(st.RuleID).Fragment {
			fr.Statuses[i] = finding.RuleStatus{RuleID: st.RuleID, Status: finding.StatusNotVerified, Reason: reason}
		}
	}
}

// ownedByFragment reports whether a finding of a rule that judges files on
// their own (rules.Rule.Fragment) is about a value written in a dot-sourced
// fragment that this run reports itself: it is reported there, at its line,
// and not again on the includer.
func (e *engine) ownedByFragment(s *script, in *model.Input, meta rules.Rule, variable string, element int) bool {
	if !meta.Fragment || variable == "" || len(e.fragments) == 0 {
		return false
	}
	v := lookupVariable(in, variable)
	if v == nil {
		return false
	}
	file := v.File
	if element >= 0 && element < len(v.Elements) {
		file = v.Elements[element].File
	}
	if file == "" || file == in.File {
		return false
	}
	return e.fragments[s.path.resolve(file)]
}

// maskedLines are the source lines with literal secrets replaced by '*',
// for snippets: secrets never reach an output.
func maskedLines(src *ps.Source, secrets []model.Span) []string {
	n := src.LineCount()
	lines := make([]string, n)
	for i := range lines {
		lines[i] = src.Line(i + 1)
	}
	for _, sp := range secrets {
		for l := sp.StartLine; l <= sp.EndLine && l <= n; l++ {
			r := []rune(lines[l-1])
			from, to := 0, len(r)
			if l == sp.StartLine {
				from = sp.StartColumn - 1
			}
			if l == sp.EndLine {
				to = sp.EndColumn - 1
			}
			for i := max(from, 0); i < to && i < len(r); i++ {
				r[i] = '*'
			}
			lines[l-1] = string(r)
		}
	}
	return lines
}
