# METADATA
# title: >-
#   Teams Virtual Reception has no alias, or a rule also matches its alias
# description: >-
#   A Teams Virtual Reception has no alias, so no one can dial it; or its alias
#   is also matched by an enabled Call Routing Rule, which never sees those
#   calls since aliases win.
# custom:
#   id: PX714
#   name: teams-vr-alias
#   severity: warning
#   prevents: "\"Cannot connect to this extension\" (linked by inference)"
#   remediation: >-
#     Give the Virtual Reception an alias (`teams@<domain>`) that no rule is
#     meant to catch.
#   bad: |-
#     {"service_type": "two_stage_dialing", "two_stage_dial_type": "teams", "aliases": []}
#   good: |-
#     {"service_type": "two_stage_dialing", "two_stage_dial_type": "teams", "aliases": [{"alias": "teams@vc.example.org"}]}
#   infinity: true
#   assumes: >-
#     Infinity applies a rule when its regex matches the whole (parsed) alias,
#     like Python's re.fullmatch, and then expands the replace template
#     (inferred from the Regular Expression Tester; re.sub would differ only for
#     patterns that match the empty string). Regexes are Python `re` syntax,
#     case-insensitive (Pexip's docs call them Perl-style; Python is inferred).
#     Conference IDs have `teams_id_lengths` digits, 9–12 by default (the
#     troubleshooting page; third parties write 9–13). Sample aliases are one
#     ID per length, bare and at each of `teams_domains` plus the domains of
#     Teams Virtual Reception aliases (settings of the `infinity { }` block in
#     .pxlint.hcl).
package pxlint.rules.px714

import data.pxlint.lib.family.infinity._judged

deny contains {
	"id": "PX714",
	"at": v.at,
	"msg": sprintf("Teams Virtual Reception %q has no alias, so no one can dial it", [v.name]),
	"fix": "add an alias such as teams@vc.example.org",
} if {
	_judged("PX714")
	some v in input.receptions
	count(v.aliases) == 0
}

deny contains {
	"id": "PX714",
	"at": a.at,
	"msg": sprintf("the alias %q of Virtual Reception %q is also matched by Call Routing Rule %s; aliases win, so that rule never sees these calls", [a.alias, v.name, concat(", ", [sprintf("%q", [n]) | some n in a.shadowed_rules])]),
	"fix": "narrow the rule's match_string so it does not match the Virtual Reception's alias",
} if {
	_judged("PX714")
	some v in input.receptions
	some a in v.aliases
	count(a.shadowed_rules) > 0
}
