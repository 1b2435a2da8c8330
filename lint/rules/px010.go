package rules

import "github.com/pxlint/pxlint/lint/finding"

// PX010's logic is the inline-suppression stage (lint/stage): it judges every
// `# pxlint-ignore` comment after all other rules ran.
func init() {
	Register(Rule{
		ID:       "PX010",
		Name:     "suppression-problem",
		Title:    "Inline suppression without a reason, for an unknown or unsuppressible rule, or matching nothing",
		Severity: finding.SeverityWarning,
		Description: "A `# pxlint-ignore` or `# pxlint-ignore-file` comment that gives no reason after `--`, " +
			"has a malformed `until=` date, names a rule ID pxlint does not know, names a rule configured as " +
			"not suppressible (PX506 by default), or no longer matches any finding. A suppression with a " +
			"problem suppresses nothing, so the finding it was meant for stays visible. (A waiver in " +
			".pxlint.hcl with such problems is a configuration error instead: exit code 2.)",
		Prevents: "silent, unaccountable exceptions: a suppression nobody can explain, or one left behind " +
			"after the problem was fixed that would hide the next one",
		Remediation: "Give every suppression a reason after `--` (and an `until=YYYY-MM-DD` date when the " +
			"exception is temporary); correct the rule ID; remove suppressions that match nothing; fix " +
			"findings of rules that cannot be suppressed.",
		Bad: "# pxlint-ignore PX105\n" +
			"$PxNodesSourceAddressPrefixes = @(\"0.0.0.0/0\")",
		Good: "# pxlint-ignore PX105 until=2026-06-30 -- temporary: open to all while the partner ranges are confirmed (CHG-4711)\n" +
			"$PxNodesSourceAddressPrefixes = @(\"0.0.0.0/0\")",
		Engine:   EngineGo,
		Fragment: true,
	})
}
