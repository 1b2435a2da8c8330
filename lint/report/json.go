package report

import (
	"io"
	"time"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// JSONSchemaID names the JSON report's version. It changes only with an
// incompatible change to the document, which schemas/report.schema.json
// describes; fields may be added within a version.
const JSONSchemaID = "pxlint-report/v1"

// The JSON document has its own types, separate from package finding's, so
// that a change to the internal types cannot silently change the published
// format.
type jsonReport struct {
	Schema   string     `json:"schema"`
	Tool     string     `json:"tool"`
	Version  string     `json:"version"`
	Now      string     `json:"now"`
	FailOn   string     `json:"fail_on"`
	ExitCode int        `json:"exit_code"`
	Summary  jsonCount  `json:"summary"`
	Files    []jsonFile `json:"files"`
	Notices  []string   `json:"notices"`
}

type jsonCount struct {
	Pass               int `json:"pass"`
	Fail               int `json:"fail"`
	NotVerified        int `json:"not_verified"`
	Disabled           int `json:"disabled"`
	Suppressed         int `json:"suppressed"`
	Errors             int `json:"errors"`
	Warnings           int `json:"warnings"`
	Infos              int `json:"infos"`
	SuppressedFindings int `json:"suppressed_findings"`
}

type jsonFile struct {
	Path     string        `json:"path"`
	Profile  string        `json:"profile,omitempty"`
	Summary  jsonCount     `json:"summary"`
	Statuses []jsonStatus  `json:"statuses"`
	Findings []jsonFinding `json:"findings"`
}

type jsonStatus struct {
	RuleID string `json:"rule_id"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
	Source string `json:"source,omitempty"`
}

type jsonRegion struct {
	StartLine   int `json:"start_line"`
	StartColumn int `json:"start_column"`
	EndLine     int `json:"end_line"`
	EndColumn   int `json:"end_column"`
}

type jsonLocation struct {
	File    string      `json:"file"`
	Region  *jsonRegion `json:"region,omitempty"`
	Message string      `json:"message,omitempty"`
}

type jsonSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
	Source        string `json:"source,omitempty"`
	Expires       string `json:"expires,omitempty"`
}

type jsonFinding struct {
	RuleID      string           `json:"rule_id"`
	Title       string           `json:"title,omitempty"`
	Severity    string           `json:"severity"`
	File        string           `json:"file"`
	Region      *jsonRegion      `json:"region,omitempty"`
	Variable    string           `json:"variable,omitempty"`
	Element     string           `json:"element,omitempty"`
	Message     string           `json:"message"`
	Fix         string           `json:"fix,omitempty"`
	Fixes       []jsonFix        `json:"fixes,omitempty"`
	DocsURL     string           `json:"docs_url,omitempty"`
	Related     []jsonLocation   `json:"related,omitempty"`
	Fingerprint string           `json:"fingerprint,omitempty"`
	Suppressed  bool             `json:"suppressed"`
	Suppression *jsonSuppression `json:"suppression,omitempty"`
	Failing     bool             `json:"failing"`
	Note        string           `json:"note,omitempty"`
}

// jsonFix is a machine-applicable fix (finding.Fix), values exact.
type jsonFix struct {
	Message  string     `json:"message"`
	Safety   string     `json:"safety"`
	Edits    []jsonEdit `json:"edits,omitempty"`
	Encoding string     `json:"encoding,omitempty"`
}

type jsonEdit struct {
	Region  jsonRegion `json:"region"`
	NewText string     `json:"new_text"`
}

func toJSONFixes(fixes []finding.Fix) []jsonFix {
	var out []jsonFix
	for _, fx := range fixes {
		jf := jsonFix{Message: fx.Message, Safety: string(fx.Safety), Encoding: fx.Encoding}
		for _, e := range fx.Edits {
			jf.Edits = append(jf.Edits, jsonEdit{Region: *toJSONRegion(&e.Region), NewText: e.NewText})
		}
		out = append(out, jf)
	}
	return out
}

func toJSONRegion(g *finding.Region) *jsonRegion {
	if g == nil {
		return nil
	}
	return &jsonRegion{g.StartLine, g.StartColumn, g.EndLine, g.EndColumn}
}

func toJSONCount(c finding.Count) jsonCount {
	return jsonCount{c.Pass, c.Fail, c.NotVerified, c.Disabled, c.Suppressed, c.Errors, c.Warnings, c.Infos, c.SuppressedFindings}
}

// writeJSON writes the pxlint-report/v1 document, indented, ending in a
// newline. Every finding is there, suppressed ones flagged "suppressed"
// with their suppression; "failing" says whether it counts against fail_on.
func writeJSON(w io.Writer, r *finding.Report, rs []rules.Rule, _ Options) error {
	idx := indexRules(rs)
	doc := jsonReport{
		Schema: JSONSchemaID, Tool: toolName(r), Version: r.Version,
		Now: r.Now.UTC().Format(time.RFC3339), FailOn: r.FailOn.String(), ExitCode: r.ExitCode(),
		Files: make([]jsonFile, 0, len(r.Files)), Notices: append([]string{}, r.Notices...),
	}
	var total finding.Count
	for i := range r.Files {
		fr := &r.Files[i]
		c := fr.Tally()
		total = total.Add(c)
		jf := jsonFile{Path: fr.Path, Profile: fr.Profile, Summary: toJSONCount(c),
			Statuses: make([]jsonStatus, 0, len(fr.Statuses)), Findings: make([]jsonFinding, 0, len(fr.Findings))}
		for _, s := range fr.Statuses {
			jf.Statuses = append(jf.Statuses, jsonStatus{s.RuleID, string(s.Status), s.Reason, s.Source})
		}
		for j := range fr.Findings {
			f := &fr.Findings[j]
			jf.Findings = append(jf.Findings, toJSONFinding(r, idx, f))
		}
		doc.Files = append(doc.Files, jf)
	}
	doc.Summary = toJSONCount(total)
	return encodeJSON(w, doc)
}

func toJSONFinding(r *finding.Report, idx ruleIndex, f *finding.Finding) jsonFinding {
	jf := jsonFinding{
		RuleID: f.RuleID, Severity: f.Severity.String(), File: f.File, Region: toJSONRegion(f.Region),
		Variable: f.Variable, Element: f.Element, Message: f.Message, Fix: f.Fix, DocsURL: f.DocsURL,
		Fingerprint: f.Fingerprint, Suppressed: f.Suppressed(), Failing: r.Failing(f), Note: f.Note,
		Fixes: toJSONFixes(f.Fixes),
	}
	if m, ok := idx[f.RuleID]; ok {
		jf.Title = m.Title
		if jf.DocsURL == "" {
			jf.DocsURL = m.DocsURL()
		}
	}
	for _, l := range f.Related {
		jf.Related = append(jf.Related, jsonLocation{File: l.File, Region: toJSONRegion(l.Region), Message: l.Message})
	}
	if s := f.Suppression; s != nil {
		jf.Suppression = &jsonSuppression{s.Kind, s.Justification, s.Source, s.Expires}
	}
	return jf
}
