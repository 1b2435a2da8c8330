package stage

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/stage/directive"
)

// fakeRules stands in for the registry so these tests do not depend on the
// entries other packages register.
var fakeRules = map[string]rules.Rule{
	"PX010": {ID: "PX010", Name: "suppression-problem", Title: "t", Severity: finding.SeverityWarning},
	"PX104": {ID: "PX104", Name: "a", Title: "t", Severity: finding.SeverityError},
	"PX105": {ID: "PX105", Name: "broad-prefix", Title: "t", Severity: finding.SeverityWarning},
	"PX208": {ID: "PX208", Name: "bot-name-risk", Title: "t", Severity: finding.SeverityWarning},
	"PX401": {ID: "PX401", Name: "az-version", Title: "t", Severity: finding.SeverityError,
		Levels: []finding.Severity{finding.SeverityError, finding.SeverityWarning}},
	"PX506": {ID: "PX506", Name: "plaintext-secret", Title: "t", Severity: finding.SeverityError, NotSuppressible: true},
}

func fakeLookup(id string) (rules.Rule, bool) {
	r, ok := fakeRules[strings.ToUpper(id)]
	return r, ok
}

var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func env(cfg *config.Config) Env {
	return Env{Config: cfg, Rules: fakeLookup, Now: now, Script: "regions/eu.ps1"}
}

func ptr[T any](v T) *T { return &v }

// at makes a finding of rule on line (0: file-level).
func at(rule string, line int, sev finding.Severity, variable string) finding.Finding {
	f := finding.Finding{RuleID: rule, Severity: sev, File: "regions/eu.ps1", Message: rule + " problem", Variable: variable}
	if line > 0 {
		f.Region = &finding.Region{StartLine: line, StartColumn: 1, EndLine: line, EndColumn: 10}
	}
	return f
}

// lineDir is a well-formed pxlint-ignore covering lines from..to, written on
// line from-1.
func lineDir(reason, until string, from, to int, ids ...string) directive.Directive {
	return directive.Directive{Rules: ids, Reason: reason, Until: until, FromLine: from, ToLine: to,
		Region: finding.Region{StartLine: from - 1, StartColumn: 1, EndLine: from - 1, EndColumn: 30}}
}

// show renders findings compactly: "PX105@3 warning [inSource: why] {note}".
func show(fs []finding.Finding) []string {
	out := []string{}
	for _, f := range fs {
		line := 0
		if f.Region != nil {
			line = f.Region.StartLine
		}
		s := fmt.Sprintf("%s@%d %s", f.RuleID, line, f.Severity)
		if f.Suppression != nil {
			s += fmt.Sprintf(" [%s: %s]", f.Suppression.Kind, f.Suppression.Justification)
		}
		if f.RuleID == PX010 {
			s += " " + f.Message
		}
		if f.Note != "" {
			s += " {" + f.Note + "}"
		}
		out = append(out, s)
	}
	return out
}

func showStatuses(ss []finding.RuleStatus) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s", s.RuleID, s.Status, s.Reason)))
	}
	return out
}

func check(t *testing.T, what string, got, want []string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}
