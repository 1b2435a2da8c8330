// Package config reads .pxlint.hcl: run settings (fail_on, profile, az
// version, excludes, user policy and schema folders, CA files), per-rule
// settings and options, and waivers. It validates everything it reads, so a
// config that loads is one the rest of pxlint can trust; every problem is
// reported with file:line:col and the offending name.
//
// Glob patterns (exclude, rule paths, waiver paths) are matched against a
// script's repository-relative path: relative to its git top level, or
// outside git to the config file's folder (ScriptRoot computes it).
// Folder and file settings (policy_dirs, schema_dirs, ca_files) are
// relative to the config file's folder.
package config

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/pxlint/pxlint/lint/config/glob"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// FileName is the name Discover looks for.
const FileName = ".pxlint.hcl"

// Config is one loaded .pxlint.hcl. Zero values mean "not set": the caller
// falls back to flags or built-in defaults (flags win over config values).
type Config struct {
	// Path is the file as given to Load; Dir its absolute folder; Root the
	// git top level of Dir (Dir itself outside git), for Rel and Source.
	Path, Dir, Root string

	FailOn     *finding.Threshold // nil: not set
	Profile    string             // "az", "azurerm" or ""
	AzVersion  string             // e.g. "4.5.0" or ""
	ExpiryDays int                // 0: not set
	Exclude    []string           // globs, repository-relative
	// PolicyDirs, SchemaDirs and CAFiles are absolute (resolved against Dir).
	PolicyDirs, SchemaDirs, CAFiles []string

	// Rules holds one block per rule, keyed by the upper-cased ID (rule IDs
	// match case-insensitively, as the registry does); RuleConfig.ID keeps
	// the spelling of the label.
	Rules map[string]RuleConfig
	// Waivers are in file order.
	Waivers []Waiver
	// Infinity is the `infinity { }` block, nil when absent.
	Infinity *Infinity
	// Variables are the site's or a newer release's variables, in file
	// order: known to PX005, validated (PX509), required (PX501) and fed to
	// the deployment call (PX601) like the built-in ones.
	Variables []Variable

	// userRules are rule blocks and waivers naming IDs that are not built-in
	// (user policies); CheckUserRules resolves them once those are loaded.
	userRules []userRef
}

// Infinity is the `infinity { }` block: a Pexip Infinity export judged
// together with the scripts this config governs (PX7xx), and the
// assumptions of those checks as data.
type Infinity struct {
	Export            string   // absolute (resolved against Dir)
	TeamsDomains      []string // domains callers dial Teams meetings at
	ExpectedTenantIDs []string // tenants where the Pexip app was consented
	IDLengths         [2]int   // [min, max] digits of a conference ID; zero: 9–12
	AllowBacktracking bool     // evaluate lookaround etc. with regexp2 (approximate)
}

// Variable is one `variable "PxName" { ... }` block.
type Variable struct {
	// Name is the variable without `$`, e.g. "PxVmSize".
	Name string `json:"name"`
	// Type is a CUE type expression the value must satisfy ("string",
	// "bool", "int & >=1", "[...string]", "\"a\" | \"b\""); default "string".
	Type string `json:"type"`
	// Pattern is a regular expression (RE2) every string of the value must match; "" for none.
	Pattern string `json:"pattern,omitempty"`
	// Required makes a missing or "" value PX501.
	Required bool `json:"required"`
	// Parameter is the create_vmss_deployment.ps1 parameter it feeds, without "-"; "" for none.
	Parameter string `json:"parameter,omitempty"`
	// Source locates the block, e.g. ".pxlint.hcl:12".
	Source string `json:"source"`
}

// RuleConfig is one `rule "PXnnn" { ... }` block.
type RuleConfig struct {
	ID           string            `json:"id"`
	Enabled      *bool             `json:"enabled,omitempty"`      // nil: not set (rules are enabled by default)
	Severity     *finding.Severity `json:"severity,omitempty"`     // nil: the rule's own levels
	Suppressible *bool             `json:"suppressible,omitempty"` // nil: the registry default (!NotSuppressible)
	// Paths scopes the block to matching scripts; empty means every script.
	Paths []string `json:"paths,omitempty"`
	// Options are the rule-specific attributes as plain Go values (string,
	// bool, int, float64, []any, map[string]any).
	Options map[string]any `json:"options,omitempty"`
	// Source locates the block, e.g. ".pxlint.hcl:12".
	Source string `json:"source"`
}

// Applies reports whether the block governs the script at the given
// repository-relative, slash-separated path.
func (r RuleConfig) Applies(relPath string) bool {
	return len(r.Paths) == 0 || glob.MatchAny(r.Paths, relPath)
}

// Waiver is one `waiver "PXnnn" { ... }` block: an accepted exception.
type Waiver struct {
	RuleID    string   `json:"rule_id"`
	Paths     []string `json:"paths,omitempty"`     // repository-relative globs; empty: every script
	Variables []string `json:"variables,omitempty"` // catalog names without "$"; empty: every variable
	Reason    string   `json:"reason"`
	Expires   string   `json:"expires,omitempty"` // YYYY-MM-DD or ""
	// Source locates the block, e.g. ".pxlint.hcl:12".
	Source string `json:"source"`
}

// CoversPath reports whether the waiver's paths include the script at relPath.
func (w Waiver) CoversPath(relPath string) bool {
	return len(w.Paths) == 0 || glob.MatchAny(w.Paths, relPath)
}

// CoversVariable reports whether the waiver's variables include variable;
// a waiver without variables covers findings about any variable or none.
func (w Waiver) CoversVariable(variable string) bool {
	if len(w.Variables) == 0 {
		return true
	}
	for _, v := range w.Variables {
		if strings.EqualFold(v, strings.TrimPrefix(variable, "$")) {
			return true
		}
	}
	return false
}

// ExpiryEnd is the first instant after the day named by a YYYY-MM-DD date,
// in UTC; ok is false when date is empty or malformed.
func ExpiryEnd(date string) (end time.Time, ok bool) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return time.Time{}, false
	}
	return d.AddDate(0, 0, 1), true
}

// Rule returns the block for rule id if it governs the script at relPath.
// A nil config has no blocks.
func (c *Config) Rule(id, relPath string) (RuleConfig, bool) {
	if c == nil {
		return RuleConfig{}, false
	}
	r, ok := c.Rules[strings.ToUpper(id)]
	if !ok || !r.Applies(relPath) {
		return RuleConfig{}, false
	}
	return r, true
}

// Excluded reports whether the exclude globs drop the script at relPath.
func (c *Config) Excluded(relPath string) bool {
	return c != nil && glob.MatchAny(c.Exclude, relPath)
}

// RuleOptions returns the options of every rule block that governs the
// script at relPath, by rule ID, for model.Config.Rules.
func (c *Config) RuleOptions(relPath string) map[string]map[string]any {
	out := map[string]map[string]any{}
	if c == nil {
		return out
	}
	for _, r := range c.Rules {
		if len(r.Options) > 0 && r.Applies(relPath) {
			out[r.ID] = r.Options
		}
	}
	return out
}

// Rel returns the repository-relative, slash-separated path of file (an
// absolute path, or one relative to the working directory), as glob
// patterns and baselines expect. Files outside Root keep their cleaned path.
func (c *Config) Rel(file string) string {
	return RelTo(c.Root, file)
}

// RelTo is Rel for an arbitrary root.
func RelTo(root, file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(file))
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(filepath.Clean(file))
	}
	return filepath.ToSlash(rel)
}

// Lookup finds a rule's registry entry by ID (or name); rules.Lookup is
// the built-in one.
type Lookup func(id string) (rules.Rule, bool)

// Problem is one thing wrong in a config file.
type Problem struct {
	File         string
	Line, Column int
	Message      string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Column, p.Message)
}

// Error lists every problem of a config file, one per line, in file order.
// The CLI maps it to exit code 2.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
