package rules

import (
	"fmt"
	"sort"
	"strings"
)

// levels renders "error", or "error / warning" for rules with several levels.
func (r Rule) levels() string {
	names := make([]string, 0, len(r.Levels))
	for _, l := range r.Levels {
		names = append(names, l.String())
	}
	return strings.Join(names, " / ")
}

// Explain renders the rule for `pxlint explain`: what, why, the deployment
// error it prevents, how to fix, an example.
func (r Rule) Explain() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s\n", r.ID, r.Name, r.Title)
	fmt.Fprintf(&b, "severity: %s   engine: %s", r.levels(), r.Engine)
	if r.NotSuppressible {
		b.WriteString("   not suppressible")
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "judges: %s\n", r.judges())
	if r.SecuritySeverity > 0 {
		fmt.Fprintf(&b, "security: %s\n", r.security())
	}
	section := func(title, text string) {
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(&b, "\n%s\n%s\n", title, indent(text))
		}
	}
	section("What it catches", r.Description)
	section("Deployment error it prevents", r.Prevents)
	section("How to fix", r.Remediation)
	section("What it assumes", r.Assumes)
	section("Bad", r.Bad)
	section("Good", r.Good)
	if len(r.Options) > 0 {
		section("Options (rule \""+r.ID+"\" block in .pxlint.hcl)", r.optionLines())
	}
	if u := r.DocsURL(); u != "" {
		fmt.Fprintf(&b, "\nDocs: %s\n", u)
	}
	return b.String()
}

// security describes a security rule's score as code scanning shows it
// (SARIF properties.security-severity; GitHub's bands).
func (r Rule) security() string {
	band := "low"
	switch s := r.SecuritySeverity; {
	case s >= 9:
		band = "critical"
	case s >= 7:
		band = "high"
	case s >= 4:
		band = "medium"
	}
	return fmt.Sprintf("severity %.1f (%s) in SARIF for code scanning, tagged \"security\"; critical in GitLab Code Quality when an error", r.SecuritySeverity, band)
}

// judges says which scripts the rule judges (README, Deployments).
func (r Rule) judges() string {
	if r.Infinity {
		return "a Pexip Infinity configuration export (`pxlint infinity`, or an `infinity` block in .pxlint.hcl), with the deployments' scripts for the cross-checks"
	}
	if r.Fragment {
		return "every script, dot-sourced fragments included (their own syntax, secrets and values)"
	}
	return "deployments (a dot-sourced fragment is judged as part of each script that includes it)"
}

func (r Rule) optionLines() string {
	var b strings.Builder
	for _, k := range sortedKeys(r.Options) {
		fmt.Fprintf(&b, "%s (%s): %s\n", k, r.OptionSpecs[k].Describe(), r.Options[k])
	}
	return b.String()
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// AutoFix is what a rule's documentation page says of its
// machine-applicable fix; the fixers live in lint/fix, which imports this
// package, so the caller looks it up and passes it in.
type AutoFix struct {
	Commands        []string
	Summary, Safety string
}

// Markdown renders the rule's documentation page (docs/rules/PXnnn.md),
// with its automatic fix when af is not nil.
func (r Rule) Markdown(af *AutoFix) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the rule registry (lint/rules) by `go test ./lint/rules -update`; do not edit. -->\n")
	fmt.Fprintf(&b, "# %s %s\n\n%s\n\n", r.ID, r.Name, r.Title)
	fmt.Fprintf(&b, "- Severity: %s\n- Implemented in: %s\n", r.levels(), r.Engine)
	if r.NotSuppressible {
		b.WriteString("- Not suppressible by default\n")
	}
	if len(r.Needs) > 0 {
		fmt.Fprintf(&b, "- Reads: `$%s`\n", strings.Join(r.Needs, "`, `$"))
	}
	fmt.Fprintf(&b, "- Judges: %s\n", r.judges())
	if r.SecuritySeverity > 0 {
		fmt.Fprintf(&b, "- Security: %s\n", r.security())
	}
	para := func(title, text string) {
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n", title, text)
		}
	}
	lang := "powershell"
	if r.Infinity {
		lang = "json"
	}
	code := func(title, text string) {
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(&b, "\n## %s\n\n```%s\n%s\n```\n", title, lang, text)
		}
	}
	para("What it catches", r.Description)
	para("Deployment error it prevents", r.Prevents)
	para("How to fix", r.Remediation)
	if af != nil {
		para("Automatic fix", fmt.Sprintf("The fix %s.\n\nSafety: %s. Applied by `%s`.", af.Summary, af.Safety, strings.Join(af.Commands, "` or `")))
	}
	para("What it assumes", r.Assumes)
	code("Bad", r.Bad)
	code("Good", r.Good)
	if len(r.Options) > 0 {
		fmt.Fprintf(&b, "\n## Options\n\nIn `.pxlint.hcl`:\n\n| option | values | meaning |\n|---|---|---|\n")
		for _, k := range sortedKeys(r.Options) {
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", k, r.OptionSpecs[k].Describe(), r.Options[k])
		}
	}
	if r.Infinity {
		fmt.Fprintf(&b, "\nRun by `pxlint infinity EXPORT`, and by `pxlint lint` when `.pxlint.hcl` has an `infinity { export = \"…\" }` block. Waive it in `.pxlint.hcl` (`waiver \"%s\" { reason = \"...\" }`).\n", r.ID)
	} else {
		fmt.Fprintf(&b, "\nSuppress inline with `# pxlint-ignore %s -- reason` or waive it in `.pxlint.hcl` (`waiver \"%s\" { reason = \"...\" }`).\n", r.ID, r.ID)
	}
	return b.String()
}

// MarkdownTable renders the README's rule table.
func MarkdownTable(rs []Rule) string {
	var b strings.Builder
	b.WriteString("| ID | name | severity | catches |\n|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| [%s](docs/rules/%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Name, r.levels(), strings.ReplaceAll(r.Title, "|", "\\|"))
	}
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
