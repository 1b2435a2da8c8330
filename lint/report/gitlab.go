package report

import (
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// gitlabIssue is one entry of a GitLab Code Quality report
// (artifacts:reports:codequality), with the fields GitLab documents as
// required: description, check_name, fingerprint, severity, location.path
// and location.lines.begin.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// gitlabFingerprintKey versions the fingerprint recipe, as fingerprintKey
// does for SARIF: a new recipe must not match old issues.
const gitlabFingerprintKey = "pxlint/gitlab/v1"

// writeGitLab writes a GitLab Code Quality report: a JSON array with one
// issue per active finding (suppressed ones and not_verified statuses are
// left out: the merge request widget has no way to show them as such).
//
//   - severity: error → major (critical for a security rule, see
//     rules.Rule.SecuritySeverity), warning → minor, info → info;
//   - check_name: the rule ID; description: the message and the fix;
//   - location.path: the path as given (relative to where pxlint ran, the
//     project root in CI), with '/' separators; lines.begin: the finding's
//     line, 1 for a finding about the whole file;
//   - fingerprint: a hash of rule, path, variable and element (the message
//     for a file-level finding) and the occurrence number of that key, not
//     the line, so an issue is the same one after lines move above it and
//     GitLab shows it as neither fixed nor new.
func writeGitLab(w io.Writer, r *finding.Report, rs []rules.Rule, _ Options) error {
	idx := indexRules(rs)
	issues := []gitlabIssue{}
	for i := range r.Files {
		seen := occurrence{}
		for j := range r.Files[i].Findings {
			f := &r.Files[i].Findings[j]
			if f.Suppression != nil {
				continue
			}
			key := findingKey(f)
			n := seen.next(key)
			line := 1
			if f.Region != nil && f.Region.StartLine > 0 {
				line = f.Region.StartLine
			}
			desc := f.Message
			if f.Fix != "" {
				desc += " (fix: " + f.Fix + ")"
			}
			issues = append(issues, gitlabIssue{
				Description: desc,
				CheckName:   f.RuleID,
				Fingerprint: fingerprint(gitlabFingerprintKey, f.RuleID, f.File, key, strconv.Itoa(n)),
				Severity:    gitlabSeverity(f.Severity, idx[f.RuleID]),
				Location: gitlabLocation{
					Path:  strings.ReplaceAll(f.File, "\\", "/"),
					Lines: gitlabLines{Begin: line},
				},
			})
		}
	}
	// Values stay exact (GitLab attaches an issue by its path); encodeJSON
	// writes them inert, as for the other structured formats.
	return encodeJSON(w, issues)
}

// gitlabSeverity maps a finding's severity to GitLab's five levels.
func gitlabSeverity(s finding.Severity, m rules.Rule) string {
	switch s {
	case finding.SeverityError:
		if m.SecuritySeverity > 0 {
			return "critical"
		}
		return "major"
	case finding.SeverityWarning:
		return "minor"
	default:
		return "info"
	}
}

// findingKey tells a finding from others of its rule in its file without
// its position: the variable and element, or else the message with its
// numbers blanked, since messages name lines ("$PxTeamsConnFqdnn is used
// on line 51") that move when lines are inserted above. Findings left
// with the same key are told apart by their order (occurrence).
func findingKey(f *finding.Finding) string {
	if f.Variable == "" && f.Element == "" {
		return digits.ReplaceAllString(f.Message, "#")
	}
	return f.Variable + "\x00" + f.Element
}

var digits = regexp.MustCompile(`[0-9]+`)

// occurrence numbers the findings of one file that share a key, so equal
// keys still give distinct fingerprints (1 for the first).
type occurrence map[string]int

func (o occurrence) next(key string) int {
	o[key]++
	return o[key]
}
