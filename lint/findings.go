package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/rules"
)

// ruleSet resolves rule metadata for built-in and user rules.
type ruleSet struct {
	byID map[string]rules.Rule
	all  []rules.Rule
}

func newRuleSet(extra ...[]rules.Rule) *ruleSet {
	rs := &ruleSet{byID: map[string]rules.Rule{}}
	add := func(r rules.Rule) {
		if _, dup := rs.byID[r.ID]; dup {
			return
		}
		rs.byID[r.ID] = r
		rs.all = append(rs.all, r)
	}
	for _, r := range rules.All() {
		add(r)
	}
	for _, list := range extra {
		for _, r := range list {
			add(r)
		}
	}
	sort.Slice(rs.all, func(i, j int) bool { return rs.all[i].ID < rs.all[j].ID })
	return rs
}

// get returns a rule's metadata; an ID no registry knows (a user policy
// that names its own IDs without METADATA) gets a minimal entry.
func (rs *ruleSet) get(id string) rules.Rule {
	if r, ok := rs.byID[id]; ok {
		return r
	}
	return rules.Rule{ID: id, Name: id, Title: id, Severity: finding.SeverityError, Engine: rules.EngineUser,
		Levels: []finding.Severity{finding.SeverityError}}
}

func region(s model.Span) *finding.Region {
	if s.StartLine == 0 {
		return nil
	}
	return &finding.Region{StartLine: s.StartLine, StartColumn: s.StartColumn, EndLine: s.EndLine, EndColumn: s.EndColumn}
}

// lineRegion covers a whole source line (for results that name only a line).
func lineRegion(lines []string, n int) *finding.Region {
	if n < 1 {
		return nil
	}
	end := 1
	if n <= len(lines) {
		end = len([]rune(lines[n-1])) + 1
	}
	return &finding.Region{StartLine: n, StartColumn: 1, EndLine: n, EndColumn: end}
}

// locate maps a (variable, element, line) triple to the span to edit:
// the element where it was written, else the variable's last assignment,
// else the line, else the file as a whole (nil).
func locate(in *model.Input, lines []string, variable string, element, line int) (*finding.Region, string, string) {
	if variable != "" {
		if v := lookupVariable(in, variable); v != nil {
			if v.File != "" && v.File != in.File {
				// Assigned in a dot-sourced file: the finding is about this
				// script as a whole; fromPolicy adds that file as related.
				return nil, v.Name, ""
			}
			if element >= 0 && element < len(v.Elements) {
				e := v.Elements[element]
				if e.File != "" && e.File != in.File {
					// Written in a dot-sourced file: its span is not this file's.
					return nil, v.Name, e.Text
				}
				return region(e.Span), v.Name, e.Text
			}
			if r := region(v.Span); r != nil {
				return r, v.Name, ""
			}
		}
	}
	if line > 0 {
		return lineRegion(lines, line), variable, ""
	}
	return nil, variable, ""
}

// lookupVariable finds a variable by catalog or source spelling, case-insensitively.
func lookupVariable(in *model.Input, name string) *model.Variable {
	name = strings.TrimPrefix(name, "$")
	if v, ok := in.Variables[name]; ok {
		return v
	}
	for k, v := range in.Variables {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return nil
}

// fromPolicy turns a policy result into a finding.
func fromPolicy(rs *ruleSet, file string, in *model.Input, lines []string, r policy.Result) finding.Finding {
	meta := rs.get(r.ID)
	reg, variable, elem := locate(in, lines, r.Variable, r.Element, r.Line)
	sev := r.Severity
	if sev == finding.SeverityNone {
		sev = meta.Severity
	}
	f := finding.Finding{RuleID: r.ID, Severity: sev, File: file, Message: r.Msg, Fix: r.Fix, DocsURL: meta.DocsURL(),
		Region: reg, Variable: variable, Element: elem, Related: r.Related, Fingerprint: r.Fingerprint}
	if r.Cert != "" {
		f.Related = append(f.Related, finding.Location{File: r.Cert, Message: "certificate"})
	}
	if v := lookupVariable(in, r.Variable); v != nil && v.File != "" && v.File != in.File {
		f.Related = append(f.Related, finding.Location{File: v.File, Region: region(v.Span), Message: "$" + v.Name + " is assigned here (dot-sourced)"})
	}
	return f
}

// The rule PX007 is notEvaluated below; its registry entry is generated from
// this block by `go generate ./lint/rules`.
//
// METADATA
// title: Value a rule needs cannot be evaluated statically
// description: >-
//   A value that a rule needs cannot be known without running the script:
//   `Read-Host`, a cmdlet call, an assignment inside a branch or loop. pxlint
//   never executes the script, so it reports the variable once, with the reason,
//   and marks the rules that needed it `not_verified` rather than `pass`.
//   Variables no rule needs are not reported.
// custom:
//   id: PX007
//   name: not-evaluated
//   severity: info
//   prevents: "false confidence: a clean report for values pxlint could not see"
//   remediation: >-
//     Write the value literally where you can; otherwise accept that those rules
//     are not verified.
//   bad: |-
//     $PxVmssRegion = Read-Host "Region tag"
//   good: |-
//     $PxVmssRegion = "weu"
//   fragment: true

// notEvaluated implements PX007: a rule that needs a variable whose value
// cannot be evaluated statically is not_verified, and PX007 reports that
// variable once (only when some rule needed it).
func notEvaluated(rs *ruleSet, file string, in *model.Input) (map[string]string, []finding.Finding) {
	reasons := map[string]string{}
	reported := map[string]bool{}
	var out []finding.Finding
	meta := rs.get(rules.PX007)
	for _, r := range rs.all {
		for _, name := range r.Needs {
			v := lookupVariable(in, name)
			if v == nil || v.Kind != model.KindUnknown {
				continue
			}
			why := v.Reason
			if why == "" {
				why = "it needs execution"
			}
			if _, done := reasons[r.ID]; !done {
				reasons[r.ID] = fmt.Sprintf("$%s cannot be evaluated statically (%s)", v.Name, why)
				if unparsed(v) {
					reasons[r.ID] = fmt.Sprintf("$%s is not verified: %s", v.Name, why)
				}
			}
			if reported[v.Name] || unparsed(v) { // the PX001 finding says why
				continue
			}
			reported[v.Name] = true
			out = append(out, finding.Finding{RuleID: rules.PX007, Severity: meta.Severity, File: file, DocsURL: meta.DocsURL(),
				Region: region(v.Span), Variable: v.Name,
				Message: fmt.Sprintf("$%s cannot be evaluated statically (%s); the rules that need it are not verified", v.Name, why),
				Fix:     fmt.Sprintf("assign $%s a literal value at the top level of the script, or accept that pxlint cannot check it", v.Name)})
		}
	}
	return reasons, out
}
