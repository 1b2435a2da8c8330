package lint

import (
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// verdict is what a checker says about one rule on one script: the one shape
// every checker returns (parser diagnostics, CUE, Rego, and the rules written
// in Go), turned into a finding by one function (judgement.finding), so that
// location, default severity and related places are decided in one place.
type verdict struct {
	rule string
	// severity is SeverityNone for the rule's default level.
	severity finding.Severity
	msg, fix string
	// Where it points: span when the checker knows it (parser diagnostics),
	// else the variable's element (element >= 0) or last assignment, else
	// line, else the file as a whole.
	span     *finding.Region
	variable string
	element  int
	line     int
	related  []finding.Location
	// cert is the certificate file a PX3xx result is about (a related
	// location); fingerprint identifies it for baselines.
	cert, fingerprint string
}

// checked is everything the checkers said about one script.
type checked struct {
	verdicts []verdict
	// notVerified gives the reason a rule lacked its input; the first
	// reason given for a rule wins.
	notVerified map[string]string
	// sources says where a rule's input was verified from ("script", "facts").
	sources map[string]string
	// stopped, when set, is why every rule without a finding is not
	// verified: the script was not read to the end (PX011).
	stopped string
	// owners are the variables whose whole value a schema rule reports as
	// malformed: the policies that judge that value skip it (owner.go).
	owners shapeOwners
}

func newChecked() *checked {
	return &checked{notVerified: map[string]string{}, sources: map[string]string{}}
}

// notVerifiedBecause records why a rule could not be judged, unless an
// earlier checker already said why.
func (c *checked) notVerifiedBecause(rule, reason string) {
	if reason == "" {
		return
	}
	if _, ok := c.notVerified[rule]; !ok {
		c.notVerified[rule] = reason
	}
}

// judgement is one script being judged: its policy input, the rules that
// apply and its masked lines (for regions that cover a whole line).
type judgement struct {
	e     *engine
	s     *script
	in    *model.Input
	rs    *ruleSet
	lines []string
}

// finding is the one conversion from a verdict to a finding. ok is false
// for a verdict about a value written in a dot-sourced fragment that this
// run reports itself (ownedByFragment): it is reported there.
func (j *judgement) finding(v verdict) (finding.Finding, bool) {
	meta := j.rs.get(v.rule)
	if j.e.ownedByFragment(j.s, j.in, meta, v.variable, v.element) {
		return finding.Finding{}, false
	}
	reg, variable, elem := v.span, v.variable, ""
	if reg == nil {
		reg, variable, elem = locate(j.in, j.lines, v.variable, v.element, v.line)
	}
	sev := v.severity
	if sev == finding.SeverityNone {
		sev = meta.Severity
	}
	f := finding.Finding{RuleID: v.rule, Severity: sev, File: j.s.path.display, Message: v.msg, Fix: v.fix, DocsURL: meta.DocsURL(),
		Region: reg, Variable: variable, Element: elem, Related: v.related, Fingerprint: v.fingerprint}
	if v.cert != "" {
		f.Related = append(f.Related, finding.Location{File: v.cert, Message: "certificate"})
	}
	if dv := lookupVariable(j.in, v.variable); dv != nil && dv.File != "" && dv.File != j.in.File {
		f.Related = append(f.Related, finding.Location{File: dv.File, Region: region(dv.Span), Message: "$" + dv.Name + " is assigned here (dot-sourced)"})
	}
	return f, true
}

// statuses is the one status pass, for a script's rules (scriptRules) or
// an export's (exportRules): each rule fails when it has a finding, is
// not_verified when a checker said why, and passes otherwise.
func statuses(judged []rules.Rule, findings []finding.Finding, c *checked) []finding.RuleStatus {
	failed := map[string]bool{}
	for _, f := range findings {
		failed[f.RuleID] = true
	}
	out := make([]finding.RuleStatus, 0, len(judged))
	for _, r := range judged {
		st := finding.RuleStatus{RuleID: r.ID, Status: finding.StatusPass, Source: c.sources[r.ID]}
		reason := c.notVerified[r.ID]
		if reason == "" {
			reason = c.stopped
		}
		switch {
		case failed[r.ID]:
			st.Status = finding.StatusFail
		case reason != "":
			st.Status, st.Reason = finding.StatusNotVerified, reason
		}
		out = append(out, st)
		delete(failed, r.ID)
	}
	for _, id := range sortedKeys(failed) { // results naming IDs outside the rule set
		out = append(out, finding.RuleStatus{RuleID: id, Status: finding.StatusFail})
	}
	return out
}

// scriptRules are the rules that judge scripts: all but the PX7xx rules,
// which judge an export of Pexip Infinity (exportRules).
func scriptRules(all []rules.Rule) []rules.Rule {
	var out []rules.Rule
	for _, r := range all {
		if !r.Infinity {
			out = append(out, r)
		}
	}
	return out
}

// exportRules are the PX7xx rules, judged in an export's result.
func exportRules(all []rules.Rule) []rules.Rule {
	var out []rules.Rule
	for _, r := range all {
		if r.Infinity {
			out = append(out, r)
		}
	}
	return out
}
