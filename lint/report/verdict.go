package report

import (
	"fmt"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// A topic is an input pxlint did not have, named as an administrator
// knows it, with how to give it. The pretty summary groups not-verified
// rules by topic (one line per file) and the verdict lists what is still to
// check before deploying.
type topic struct {
	name, how string
}

// topics in the order they are printed.
var (
	topicCertificate = topic{"certificate", "pass --cert"}
	topicNodeCerts   = topic{"node certificates", "pass --node-cert"}
	topicWorkstation = topic{"workstation facts", "run pxlint preflight, pass --facts"}
	topicInventory   = topic{"Azure inventory", "pass --inventory"}
	topicHistory     = topic{"earlier version", "pass --against"}
	topicOrder       = []topic{topicCertificate, topicNodeCerts, topicWorkstation, topicInventory, topicHistory}
)

// topicOf maps a rule to the input it needs beyond the script. Rule IDs
// are a contract (RULES.md) and the families are fixed by range: PX3xx
// judge certificates (PX309 the nodes'), PX4xx the workstation, PX207
// the Azure inventory, PX602 an earlier version. Other rules read only
// the script (and the config): when they are not verified the reason is
// in the script, shown by --verbose.
func topicOf(id string) (topic, bool) {
	switch {
	case id == rules.PX309:
		return topicNodeCerts, true
	case strings.HasPrefix(id, "PX3") && len(id) == 5:
		return topicCertificate, true
	case strings.HasPrefix(id, "PX4") && len(id) == 5:
		return topicWorkstation, true
	case id == rules.PX207:
		return topicInventory, true
	case id == rules.PX602:
		return topicHistory, true
	}
	return topic{}, false
}

// nvTopics is what a set of not-verified statuses lacks: the topics, in
// print order, and how many rules have none.
type nvTopics struct {
	has    map[topic]bool
	others map[string]bool // rule IDs
}

func (t *nvTopics) add(statuses []finding.RuleStatus) {
	if t.has == nil {
		t.has, t.others = map[topic]bool{}, map[string]bool{}
	}
	for _, s := range statuses {
		if s.Status != finding.StatusNotVerified {
			continue
		}
		if tp, ok := topicOf(s.RuleID); ok {
			t.has[tp] = true
		} else {
			t.others[s.RuleID] = true
		}
	}
}

func notVerifiedTopics(statuses []finding.RuleStatus) nvTopics {
	var t nvTopics
	t.add(statuses)
	return t
}

func (t nvTopics) list() []topic {
	var out []topic
	for _, tp := range topicOrder {
		if t.has[tp] {
			out = append(out, tp)
		}
	}
	return out
}

// topicsPhrase is "certificate, workstation facts, 3 other rules" (or
// "3 rules" when no input is missing).
func topicsPhrase(t nvTopics) string {
	var parts []string
	for _, tp := range t.list() {
		parts = append(parts, tp.name)
	}
	if n := len(t.others); n > 0 {
		other := "other "
		if len(parts) == 0 {
			other = ""
		}
		parts = append(parts, fmt.Sprintf("%d %s%s", n, other, plural(n, "rule", "rules")))
	}
	return strings.Join(parts, ", ")
}

// verdict is the last line of the pretty output, in plain words: whether
// the scripts are ready to deploy as far as pxlint can tell, what blocks
// them, and which inputs it still lacks.
//
//	ready to deploy: no errors; still to check before deploying: certificate (pass --cert)
//	not ready to deploy: 2 errors to fix (fail-on error)
//
// A run that judged only Infinity configuration exports (pxlint infinity
// without --scripts) deploys nothing: its verdict says whether the
// configuration is ready for Teams calls instead.
func verdict(p palette, r *finding.Report, c finding.Count, idx ruleIndex) string {
	ready := "ready to deploy:"
	if onlyInfinity(r, idx) {
		ready = "ready for Teams calls:"
	}
	var failing finding.Count
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			if f := &r.Files[i].Findings[j]; r.Failing(f) {
				switch f.Severity {
				case finding.SeverityError:
					failing.Errors++
				case finding.SeverityWarning:
					failing.Warnings++
				default:
					failing.Infos++
				}
			}
		}
	}
	threshold := r.FailOn.String()
	if r.FailOn == finding.FailNever {
		threshold = "never" // as --fail-on and fail_on spell it
	}
	for i := range r.Files {
		if r.Files[i].FailOn != nil {
			threshold += " or the fail_on of a script's .pxlint.hcl"
			break
		}
	}
	var line string
	switch {
	case r.ExitCode() != 0:
		line = fmt.Sprintf("%s %s to fix (fail-on %s)", p.err("not "+ready), findingsPhrase(failing), threshold)
	case c.Errors > 0:
		line = fmt.Sprintf("%s %s to fix (exit code 0: fail-on %s)", p.err("not "+ready), findingsPhrase(finding.Count{Errors: c.Errors}), threshold)
	default:
		line = p.ok(ready) + " no errors"
		if c.Warnings > 0 {
			line += fmt.Sprintf(", %d %s to review", c.Warnings, plural(c.Warnings, "warning", "warnings"))
		}
	}
	var t nvTopics
	for i := range r.Files {
		t.add(r.Files[i].Statuses)
	}
	if todo := t.list(); len(todo) > 0 {
		var parts []string
		for _, tp := range todo {
			parts = append(parts, tp.name+" ("+tp.how+")")
		}
		line += "; " + p.warn("still to check before deploying:") + " " + strings.Join(parts, ", ")
	}
	return line
}

// onlyInfinity reports whether every file of r was judged by Infinity
// rules alone (an export, not a variables script).
func onlyInfinity(r *finding.Report, idx ruleIndex) bool {
	for i := range r.Files {
		fr := &r.Files[i]
		if len(fr.Statuses) == 0 {
			return false
		}
		for _, s := range fr.Statuses {
			if !idx[s.RuleID].Infinity {
				return false
			}
		}
	}
	return len(r.Files) > 0
}
