package main

import "github.com/pxlint/pxlint/lint/rules"

// rulesSchemaVersion names the shape of `pxlint rules --json`
// (schemas/rules.schema.json); fields may be added within v1.
const rulesSchemaVersion = "pxlint-rules/v1"

// rulesDoc is what `pxlint rules --json` prints: snake_case keys like
// every JSON document pxlint writes, and a schema version like them.
type rulesDoc struct {
	SchemaVersion string     `json:"schema_version"`
	Rules         []ruleJSON `json:"rules"`
}

// ruleJSON is one rule of the registry.
type ruleJSON struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Title    string   `json:"title"`
	Severity string   `json:"severity"`
	Levels   []string `json:"levels"`
	Engine   string   `json:"engine"`
	DocsURL  string   `json:"docs_url"`
	// SecuritySeverity is set on security rules only (as in SARIF).
	SecuritySeverity float64 `json:"security_severity,omitempty"`
}

func newRulesDoc(all []rules.Rule) rulesDoc {
	doc := rulesDoc{SchemaVersion: rulesSchemaVersion, Rules: make([]ruleJSON, 0, len(all))}
	for _, r := range all {
		levels := make([]string, 0, len(r.Levels))
		for _, l := range r.Levels {
			levels = append(levels, l.String())
		}
		doc.Rules = append(doc.Rules, ruleJSON{ID: r.ID, Name: r.Name, Title: r.Title, Severity: r.Severity.String(),
			Levels: levels, Engine: string(r.Engine), DocsURL: r.DocsURL(), SecuritySeverity: r.SecuritySeverity})
	}
	return doc
}
