// Package finding holds the result types every stage after evaluation shares:
// findings, per-rule statuses, file results and the run report. It has no
// logic beyond ordering and the exit-code policy, so formatters, suppression
// stages and the engine agree on one shape.
package finding

import (
	"sort"
	"time"
)

// Severity of a finding. The zero value is SeverityNone.
type Severity int

// Severities, ordered: a higher value is more severe.
const (
	SeverityNone Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	default:
		return "none"
	}
}

// ParseSeverity reads "error", "warning", "info" or "none"/"never".
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error":
		return SeverityError, true
	case "warning":
		return SeverityWarning, true
	case "info":
		return SeverityInfo, true
	case "none", "never":
		return SeverityNone, true
	}
	return SeverityNone, false
}

// MarshalText writes the severity name (JSON reports use names, not numbers).
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, _ := ParseSeverity(string(b))
	*s = v
	return nil
}

// Threshold is the lowest severity that fails a run: --fail-on, or the
// fail_on of a script's config, parsed once (ParseThreshold). It is not a
// Severity: a result's zero Severity means "the rule's default level",
// while the threshold that fails nothing is FailNever.
type Threshold int

// Thresholds, ordered as the severities they fail on.
const (
	FailNever Threshold = iota
	FailOnInfo
	FailOnWarning
	FailOnError
)

// DefaultThreshold applies when neither --fail-on nor a config sets one.
const DefaultThreshold = FailOnError

// ParseThreshold reads "error", "warning", "info" or "never" (and "none",
// the name reports write for never).
func ParseThreshold(s string) (Threshold, bool) {
	switch s {
	case "error":
		return FailOnError, true
	case "warning":
		return FailOnWarning, true
	case "info":
		return FailOnInfo, true
	case "never", "none":
		return FailNever, true
	}
	return FailNever, false
}

// Fails reports whether a finding of severity s fails the run.
func (t Threshold) Fails(s Severity) bool {
	switch t {
	case FailOnError:
		return s >= SeverityError
	case FailOnWarning:
		return s >= SeverityWarning
	case FailOnInfo:
		return s >= SeverityInfo
	}
	return false
}

// String is the name reports write: the severity, or "none" for never
// (the report schema's fail_on values).
func (t Threshold) String() string {
	switch t {
	case FailOnError:
		return "error"
	case FailOnWarning:
		return "warning"
	case FailOnInfo:
		return "info"
	}
	return "none"
}

// MarshalText writes the threshold's name.
func (t Threshold) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads a threshold's name.
func (t *Threshold) UnmarshalText(b []byte) error {
	v, _ := ParseThreshold(string(b))
	*t = v
	return nil
}

// Status is how a rule ended for one file (DESIGN, Statuses and findings).
type Status string

// Statuses.
const (
	StatusPass        Status = "pass"
	StatusFail        Status = "fail"
	StatusNotVerified Status = "not_verified"
	StatusDisabled    Status = "disabled"
	StatusSuppressed  Status = "suppressed"
)

// Region is a source range: 1-based lines and columns in Unicode code points;
// EndColumn is exclusive.
type Region struct {
	StartLine   int `json:"start_line"`
	StartColumn int `json:"start_column"`
	EndLine     int `json:"end_line"`
	EndColumn   int `json:"end_column"`
}

// Location is a place in another file (or the same), e.g. the other script of
// a PX206 collision or the certificate file of a PX3xx finding.
type Location struct {
	File    string  `json:"file"`
	Region  *Region `json:"region,omitempty"`
	Message string  `json:"message,omitempty"`
}

// Suppression records why an otherwise active finding does not count.
type Suppression struct {
	// Kind is "inSource" (a `# pxlint-ignore` comment), "external" (a waiver
	// in .pxlint.hcl) or "baseline".
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
	// Source locates the comment or waiver, e.g. ".pxlint.hcl:12".
	Source  string `json:"source,omitempty"`
	Expires string `json:"expires,omitempty"` // YYYY-MM-DD
}

// Finding is one problem found by one rule in one file.
type Finding struct {
	RuleID   string   `json:"rule_id"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix,omitempty"`
	DocsURL  string   `json:"docs_url"`
	// Region is nil when the finding concerns the file as a whole.
	Region   *Region `json:"region,omitempty"`
	Variable string  `json:"variable,omitempty"`
	// Element is the source text of the array element the finding is about.
	Element string     `json:"element,omitempty"`
	Related []Location `json:"related,omitempty"`
	// Fingerprint identifies a certificate finding across edits (SHA-256 of
	// the certificate), for baselines.
	Fingerprint string       `json:"fingerprint,omitempty"`
	Suppression *Suppression `json:"suppression,omitempty"`
	// Note explains a state change, e.g. "waiver expired on 2026-01-31".
	Note string `json:"note,omitempty"`
}

// Suppressed reports whether the finding does not count.
func (f *Finding) Suppressed() bool { return f.Suppression != nil }

// RuleStatus is the status of one rule for one file.
type RuleStatus struct {
	RuleID string `json:"rule_id"`
	Status Status `json:"status"`
	// Reason explains not_verified, disabled and suppressed.
	Reason string `json:"reason,omitempty"`
	// Source says where a prerequisite was verified from: "script", "facts", "probe".
	Source string `json:"source,omitempty"`
}

// FileResult is everything pxlint concluded about one script.
type FileResult struct {
	// Path is as shown to users (relative to the working directory when possible, slash-separated).
	Path     string       `json:"path"`
	Profile  string       `json:"profile,omitempty"`
	Statuses []RuleStatus `json:"statuses"`
	Findings []Finding    `json:"findings"`
	// FailOn is the threshold of the config that governs this script, when
	// it sets one and --fail-on does not; nil means Report.FailOn.
	FailOn *Threshold `json:"fail_on,omitempty"`
	// Script is the repository-relative, slash-separated path that rule
	// blocks, waivers and baselines key on, computed once by the engine
	// (empty in results built elsewhere); never serialised.
	Script string `json:"-"`
	// Lines are the decoded source lines with secret values masked, for
	// snippets in pretty output; never serialised.
	Lines []string `json:"-"`
}

// Report is the outcome of one run.
type Report struct {
	Tool    string       `json:"tool"`
	Version string       `json:"version"`
	Now     time.Time    `json:"now"`
	FailOn  Threshold    `json:"fail_on"`
	Files   []FileResult `json:"files"`
	// Notices are run-level messages (skipped files, no scripts found, ...).
	Notices []string `json:"notices,omitempty"`
}

// Failing reports whether a finding counts against --fail-on (or the
// fail_on of the config governing its file).
func (r *Report) Failing(f *Finding) bool {
	threshold := r.FailOn
	for i := range r.Files {
		if fr := &r.Files[i]; fr.FailOn != nil && fr.Path == f.File {
			threshold = *fr.FailOn
			break
		}
	}
	return !f.Suppressed() && threshold.Fails(f.Severity)
}

// ExitCode is 1 when any finding counts against --fail-on, else 0.
// (2, "pxlint could not do its job", is decided by the caller before a report exists.)
func (r *Report) ExitCode() int {
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			if r.Failing(&r.Files[i].Findings[j]) {
				return 1
			}
		}
	}
	return 0
}

// Sort orders findings by line, column, rule, message and statuses by rule ID,
// so output is deterministic whatever order rules ran in.
func (fr *FileResult) Sort() {
	sort.SliceStable(fr.Findings, func(i, j int) bool { return Less(&fr.Findings[i], &fr.Findings[j]) })
	sort.SliceStable(fr.Statuses, func(i, j int) bool { return fr.Statuses[i].RuleID < fr.Statuses[j].RuleID })
}

// Less orders findings: file, line, column, rule, message (file-level findings first).
func Less(a, b *Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	al, ac, bl, bc := 0, 0, 0, 0
	if a.Region != nil {
		al, ac = a.Region.StartLine, a.Region.StartColumn
	}
	if b.Region != nil {
		bl, bc = b.Region.StartLine, b.Region.StartColumn
	}
	if al != bl {
		return al < bl
	}
	if ac != bc {
		return ac < bc
	}
	if a.RuleID != b.RuleID {
		return a.RuleID < b.RuleID
	}
	return a.Message < b.Message
}

// Count tallies statuses across files, for summaries.
type Count struct {
	Pass, Fail, NotVerified, Disabled, Suppressed int
	// SuppressedFindings counts findings kept visible but not counted.
	SuppressedFindings      int
	Errors, Warnings, Infos int
}

// Tally counts one file's statuses and active findings by severity.
func (fr *FileResult) Tally() Count {
	var c Count
	for _, s := range fr.Statuses {
		switch s.Status {
		case StatusPass:
			c.Pass++
		case StatusFail:
			c.Fail++
		case StatusNotVerified:
			c.NotVerified++
		case StatusDisabled:
			c.Disabled++
		case StatusSuppressed:
			c.Suppressed++
		}
	}
	for i := range fr.Findings {
		f := &fr.Findings[i]
		if f.Suppressed() {
			c.SuppressedFindings++
			continue
		}
		switch f.Severity {
		case SeverityError:
			c.Errors++
		case SeverityWarning:
			c.Warnings++
		case SeverityInfo:
			c.Infos++
		}
	}
	return c
}

// Add sums two counts.
func (c Count) Add(o Count) Count {
	return Count{c.Pass + o.Pass, c.Fail + o.Fail, c.NotVerified + o.NotVerified, c.Disabled + o.Disabled,
		c.Suppressed + o.Suppressed, c.SuppressedFindings + o.SuppressedFindings,
		c.Errors + o.Errors, c.Warnings + o.Warnings, c.Infos + o.Infos}
}
