package lint

import (
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/schema"
)

// ruleSet resolves rule metadata for built-in and user rules. It is
// shared by every script judged with the same policies and schema
// (engine.ruleSetFor): never modified once made.
type ruleSet struct {
	byID map[string]rules.Rule
	all  []rules.Rule
	// scripts are the rules that judge scripts (scriptRules of all).
	scripts []rules.Rule
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
	rs.scripts = scriptRules(rs.all)
	return rs
}

// ruleSetKey names the policies and schema a rule set is made of.
type ruleSetKey struct {
	pol *policy.Engine
	sch *schema.Schema
}

// ruleSetFor returns the rule set of built-in rules plus pol's and sch's
// user rules, made once per run for each pair rather than once per script.
func (e *engine) ruleSetFor(pol *policy.Engine, sch *schema.Schema) *ruleSet {
	key := ruleSetKey{pol, sch}
	e.mu.Lock()
	defer e.mu.Unlock()
	if rs, ok := e.ruleSets[key]; ok {
		return rs
	}
	rs := newRuleSet(pol.UserRules(), sch.UserRules())
	if e.ruleSets == nil {
		e.ruleSets = map[ruleSetKey]*ruleSet{}
	}
	e.ruleSets[key] = rs
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
