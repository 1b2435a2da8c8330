// Package stage is the post-evaluation pipeline: small stages that each
// take a file's findings and statuses one step further, in a fixed order
// (Run): rule disable → severity override → inline suppressions → waivers →
// baseline → final statuses. The exit code (fail_on) is then
// finding.Report.ExitCode. Suppressed findings are never dropped: they keep
// a Suppression record and stay in every output; only disabled rules lose
// their findings.
package stage

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/pxlint/pxlint/lint/config"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// Suppression kinds (SARIF suppression kinds, plus baseline).
const (
	KindInSource = "inSource"
	KindExternal = "external"
	KindBaseline = "baseline"
)

// PX010 is the rule the inline stage reports suppression problems under.
const PX010 = rules.PX010

// The rule PX010 is this stage (inline.go): its registry entry is generated
// from this block by `go generate ./lint/rules`.
//
// METADATA
// title: >-
//   Inline suppression without a reason, for an unknown or unsuppressible rule,
//   or matching nothing
// description: >-
//   A `# pxlint-ignore` or `# pxlint-ignore-file` comment that gives no reason
//   after `--`, has a malformed `until=` date, names a rule ID pxlint does not
//   know, names a rule configured as not suppressible (PX506 by default), or no
//   longer matches any finding. A suppression with a problem suppresses nothing,
//   so the finding it was meant for stays visible. (A waiver in .pxlint.hcl with
//   such problems is a configuration error instead: exit code 2.)
// custom:
//   id: PX010
//   name: suppression-problem
//   severity: warning
//   prevents: >-
//     silent, unaccountable exceptions: a suppression nobody can explain, or one
//     left behind after the problem was fixed that would hide the next one
//   remediation: >-
//     Give every suppression a reason after `--` (and an `until=YYYY-MM-DD` date
//     when the exception is temporary); correct the rule ID; remove suppressions
//     that match nothing; fix findings of rules that cannot be suppressed.
//   bad: |-
//     # pxlint-ignore PX105
//     $PxNodesSourceAddressPrefixes = @("0.0.0.0/0")
//   good: |-
//     # pxlint-ignore PX105 until=2026-06-30 -- temporary: open to all while the partner ranges are confirmed (CHG-4711)
//     $PxNodesSourceAddressPrefixes = @("0.0.0.0/0")
//   fragment: true

// Env is what the stages know about the script being processed.
type Env struct {
	// Config governs the script; nil means no .pxlint.hcl (defaults only).
	Config *config.Config
	// Rules finds registry entries; nil means rules.Get.
	Rules config.Lookup
	// Now is the run's clock (--now / SOURCE_DATE_EPOCH), for expiry dates.
	Now time.Time
	// Script is the script's repository-relative, slash-separated path
	// (config.RelTo(root, path)): what glob patterns and baseline keys use.
	Script string
	// Usage, when set, records which waivers matched a finding, so the run
	// can list waivers that match nothing any more (nil: not tracked).
	Usage *Usage
}

// Usage records the waivers that matched at least one finding during a run.
// It is safe for concurrent use by the files of one run.
type Usage struct {
	mu   sync.Mutex
	used map[string]bool // by Waiver.Source
}

// NewUsage starts tracking waiver use.
func NewUsage() *Usage { return &Usage{used: map[string]bool{}} }

func (u *Usage) mark(w config.Waiver) {
	if u == nil {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	u.used[w.Source] = true
}

// Unused lists the waivers of cfg that matched no finding (an expired
// waiver that still matched counts as used: its note says it expired).
// Only meaningful when the run covered every script cfg governs.
func (u *Usage) Unused(cfg *config.Config) []config.Waiver {
	if u == nil || cfg == nil {
		return nil
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	var out []config.Waiver
	for _, w := range cfg.Waivers {
		if !u.used[w.Source] {
			out = append(out, w)
		}
	}
	return out
}

// ScriptPath is the Env.Script of a script: relative to its git top level
// (what "repository-relative" means for globs and baseline keys); outside
// git, relative to the governing config's folder, or the script's own
// folder without a config. baseline.Write must be given the same root.
func ScriptPath(cfg *config.Config, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	root, _ := config.ScriptRoot(cfg, abs)
	return config.RelTo(root, abs)
}

// lookup finds a rule by ID, or a built-in rule by name (`# pxlint-ignore
// cidr-host-bits`).
func (e Env) lookup(id string) (rules.Rule, bool) {
	if e.Rules != nil {
		if r, ok := e.Rules(id); ok {
			return r, true
		}
	}
	return rules.Lookup(id)
}

// block is the rule block governing the script, if any.
func (e Env) block(id string) (config.RuleConfig, bool) {
	return e.Config.Rule(id, e.Script)
}

// suppressible reports whether findings of rule id may be suppressed or
// waived in this script: the rule block's setting, else the registry's.
// Unknown rules (user rules not registered) are suppressible.
func (e Env) suppressible(id string) bool {
	if b, ok := e.block(id); ok && b.Suppressible != nil {
		return *b.Suppressible
	}
	r, ok := e.lookup(id)
	return !ok || !r.NotSuppressible
}

// expired reports whether a YYYY-MM-DD date has passed: a date covers its
// whole day, UTC. An empty or malformed date never expires (the config and
// directive parsers reject malformed ones first).
func (e Env) expired(date string) bool {
	end, ok := config.ExpiryEnd(date)
	return ok && !e.Now.Before(end)
}

// setStatus sets (or adds) the status of rule id.
func setStatus(fr *finding.FileResult, id string, st finding.Status, reason string) {
	for i := range fr.Statuses {
		if strings.EqualFold(fr.Statuses[i].RuleID, id) {
			fr.Statuses[i].Status, fr.Statuses[i].Reason = st, reason
			return
		}
	}
	fr.Statuses = append(fr.Statuses, finding.RuleStatus{RuleID: id, Status: st, Reason: reason})
}

// status returns the status of rule id, "" when the file has none.
func status(fr *finding.FileResult, id string) finding.Status {
	for _, s := range fr.Statuses {
		if strings.EqualFold(s.RuleID, id) {
			return s.Status
		}
	}
	return ""
}

// addNote appends a note to a finding, once.
func addNote(f *finding.Finding, note string) {
	switch {
	case f.Note == "":
		f.Note = note
	case !strings.Contains(f.Note, note):
		f.Note += "; " + note
	}
}

// Disable drops the findings of rules disabled for this script
// (`enabled = false` in a rule block whose paths match) and marks them
// disabled, even when the rule produced nothing.
func Disable(fr *finding.FileResult, env Env) {
	if env.Config == nil {
		return
	}
	for _, b := range env.Config.Rules {
		if b.Enabled == nil || *b.Enabled || !b.Applies(env.Script) {
			continue
		}
		kept := fr.Findings[:0]
		for _, f := range fr.Findings {
			if !strings.EqualFold(f.RuleID, b.ID) {
				kept = append(kept, f)
			}
		}
		fr.Findings = kept
		id := b.ID
		if r, ok := env.lookup(b.ID); ok {
			id = r.ID
		}
		setStatus(fr, id, finding.StatusDisabled, "disabled in "+b.Source)
	}
}

// OverrideSeverity gives every finding of a rule the severity its rule block
// sets for this script; a configured severity replaces all the rule's levels.
func OverrideSeverity(fr *finding.FileResult, env Env) {
	for i := range fr.Findings {
		f := &fr.Findings[i]
		if b, ok := env.block(f.RuleID); ok && b.Severity != nil {
			f.Severity = *b.Severity
		}
	}
}

// Waive suppresses active findings covered by a waiver (kind "external").
// The first unexpired waiver in file order wins; when only expired ones
// match, the finding stays active and says which waiver expired.
func Waive(fr *finding.FileResult, env Env) {
	if env.Config == nil || len(env.Config.Waivers) == 0 {
		return
	}
	// The script is the same for every finding: match each waiver's paths
	// once, then only rule and variable per finding.
	var here []config.Waiver
	for _, w := range env.Config.Waivers {
		if w.CoversPath(env.Script) {
			here = append(here, w)
		}
	}
	for i := range fr.Findings {
		f := &fr.Findings[i]
		if f.Suppressed() {
			continue
		}
		var expiredNote string
		for _, w := range here {
			if !strings.EqualFold(w.RuleID, f.RuleID) || !w.CoversVariable(f.Variable) {
				continue
			}
			env.Usage.mark(w)
			if !env.suppressible(f.RuleID) {
				// possible when a path-scoped rule block says suppressible = false
				addNote(f, fmt.Sprintf("waiver at %s not applied: %s is not suppressible here", w.Source, f.RuleID))
				break
			}
			if env.expired(w.Expires) {
				if expiredNote == "" {
					expiredNote = fmt.Sprintf("waiver expired on %s (%s)", w.Expires, w.Source)
				}
				continue
			}
			f.Suppression = &finding.Suppression{Kind: KindExternal, Justification: w.Reason, Source: w.Source, Expires: w.Expires}
			break
		}
		if !f.Suppressed() && expiredNote != "" {
			addNote(f, expiredNote)
		}
	}
}

// Finish settles each rule's status after suppression: a rule whose every
// finding is suppressed is "suppressed", one with an active finding "fail"
// (a not_verified status is left as the engine set it); then it sorts the
// result.
func Finish(fr *finding.FileResult) {
	type tally struct {
		active int
		kinds  map[string]int
		id     string
	}
	byRule := map[string]*tally{}
	var order []string
	for i := range fr.Findings {
		f := &fr.Findings[i]
		key := strings.ToUpper(f.RuleID)
		t, ok := byRule[key]
		if !ok {
			t = &tally{kinds: map[string]int{}, id: f.RuleID}
			byRule[key] = t
			order = append(order, key)
		}
		if f.Suppressed() {
			t.kinds[f.Suppression.Kind]++
		} else {
			t.active++
		}
	}
	for _, key := range order {
		t := byRule[key]
		if status(fr, t.id) == finding.StatusNotVerified {
			continue // the engine's verdict on a partly checked rule stands
		}
		if t.active > 0 {
			setStatus(fr, t.id, finding.StatusFail, "")
			continue
		}
		var parts []string
		for _, k := range []string{KindInSource, KindExternal, KindBaseline} {
			if n := t.kinds[k]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, k))
			}
		}
		setStatus(fr, t.id, finding.StatusSuppressed, "every finding suppressed ("+strings.Join(parts, ", ")+")")
	}
	fr.Sort()
}
