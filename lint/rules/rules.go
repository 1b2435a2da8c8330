// Package rules is the rule registry: one metadata entry per rule ID, read by
// `pxlint rules`, `pxlint explain`, SARIF, the generated docs pages and the
// README table. The entries are generated (registry_gen.go, by `go generate`)
// from each rule's METADATA, written where its logic lives: the rule's own
// policies/pxNNN_<name>.rego, or a `// METADATA` block beside a CUE
// definition (schemas/, fields tagged @rule(PXnnn)) or the Go code of a
// parse-level rule (lint/rules/internal/metadata reads them all). Tests check
// that the generated file is fresh and that every registered rule has its
// logic. This package imports no policy engine: it is data.
package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
)

//go:generate go run ./internal/cmd/genregistry -root ../.. -out registry_gen.go

// ID is a rule identifier: PXnnn for a built-in rule (a constant of
// registry_gen.go, e.g. rules.PX102), or a user policy's custom.id. It is
// an alias of string so that lint/finding, which lint/rules imports and
// which carries user rules' IDs too, needs no conversions.
type ID = string

// DocsBase is where the generated rule pages are published.
const DocsBase = "https://github.com/pxlint/pxlint/blob/main/docs/rules/"

// Engine says where a rule's logic lives.
type Engine string

// Engines.
const (
	EngineGo   Engine = "go"   // lint/ps, lint/model or the engine itself
	EngineCUE  Engine = "cue"  // schemas/*.cue fields tagged @rule(ID)
	EngineRego Engine = "rego" // policies/*.rego
	// EngineCUERego rules have shape constraints in CUE and cross-field parts in Rego.
	EngineCUERego Engine = "cue+rego"
	EngineUser    Engine = "user" // user policies and schemas (--policy, --schema)
)

// Rule is the metadata of one rule.
type Rule struct {
	ID    ID     // PXnnn
	Name  string // kebab-case, e.g. "cidr-host-bits"
	Title string // one line, e.g. "CIDR prefix with host bits set"
	// Severity is the default (highest) level; Levels lists every level the
	// rule can emit (E/W rules list two).
	Severity finding.Severity
	Levels   []finding.Severity
	// Description says what the rule catches, in a paragraph.
	Description string
	// Prevents quotes the deployment error the rule prevents.
	Prevents string
	// Remediation says how to fix it.
	Remediation string
	// Bad and Good are short script excerpts for `pxlint explain` and docs.
	Bad, Good string
	Engine    Engine
	// Needs lists the variables the rule reads; when one of them cannot be
	// evaluated statically the rule is not_verified and PX007 reports it.
	Needs []string
	// Fragment marks the rules that also judge a dot-sourced fragment on its
	// own: its syntax, secrets and values, reported at its lines. The others
	// judge deployments (DESIGN, Deployments, not files): a fragment is
	// judged with its includer, and on its own they are not_verified.
	Fragment bool
	// NotSuppressible rules cannot be waived or ignored inline by default (PX506).
	NotSuppressible bool
	// Options documents rule-specific config options (name → meaning).
	Options map[string]string
	// Infinity rules (PX7xx) judge an export of Pexip Infinity's
	// configuration (`pxlint infinity`), not a script: they have statuses
	// only in the export's result, and their examples are JSON.
	Infinity bool
	// Assumes says what the rule takes for granted that no source verified
	// (reference/infinity-config.md confidence tags [R], [I], [B]), and which
	// setting changes it; shown by `pxlint explain` and the docs page.
	Assumes string
	// OptionSpecs gives each option's type and range (same names as
	// Options); config loading checks values against it.
	OptionSpecs map[string]OptionSpec
	// SecuritySeverity marks a security rule (leaked secrets, exposure to
	// the Internet) with a CVSS-like score, 0.1 to 10, that GitHub code
	// scanning shows as low (<4), medium (<7), high (<9) or critical; SARIF
	// writes it as properties.security-severity with tag "security". Zero
	// means not a security rule.
	SecuritySeverity float64
	// Source is the file holding the rule's METADATA (slash path from the
	// repository root); empty for user rules.
	Source string
}

// DocsURL is the rule's documentation page.
func (r Rule) DocsURL() string {
	if r.Engine == EngineUser {
		return ""
	}
	return DocsBase + r.ID + ".md"
}

var registry = map[string]Rule{}

// Register adds rules; it panics on a duplicate or malformed entry, which is a
// programming error caught by any test.
func Register(rs ...Rule) {
	for _, r := range rs {
		if _, dup := registry[r.ID]; dup {
			panic("rules: duplicate rule " + r.ID)
		}
		if r.ID == "" || r.Name == "" || r.Title == "" || r.Severity == finding.SeverityNone {
			panic(fmt.Sprintf("rules: incomplete entry %+v", r))
		}
		if r.SecuritySeverity < 0 || r.SecuritySeverity > 10 {
			panic(fmt.Sprintf("rules: %s security severity %v outside 0-10", r.ID, r.SecuritySeverity))
		}
		if len(r.Levels) == 0 {
			r.Levels = []finding.Severity{r.Severity}
		}
		registry[r.ID] = r
	}
}

// Get returns the rule with the given ID (case-insensitive).
func Get(id string) (Rule, bool) {
	r, ok := registry[strings.ToUpper(id)]
	return r, ok
}

// All returns every built-in rule ordered by ID.
func All() []Rule {
	out := make([]Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
