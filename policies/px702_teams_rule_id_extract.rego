# METADATA
# title: Teams Call Routing Rule does not extract just the conference ID
# description: >-
#   For an enabled rule with `called_device_type = teams_conference`, each
#   sample alias it matches (`<id>@<domain>`, and the bare ID) must become
#   exactly the digits of the ID after the replace string. The usual causes: an
#   empty replace string (the alias is passed on unchanged), a group that keeps
#   `@domain`, `$1` (literal text in Python), or the wrong group number. The
#   message shows one sample and what the rule makes of it.
# custom:
#   id: PX702
#   name: teams-rule-id-extract
#   severity: error
#   prevents: >-
#     "The Call Routing Rule has an incorrect regex replace string… extracting
#     only the 9 to 12-digit meeting code" → "Gateway dial out failed" / "Call
#     rejected"
#   remediation: "Capture the ID as group 1 and set the replace string to `\\1`."
#   bad: |-
#     {"match_string": "(\\d{9,12}@vc\\.example\\.org)", "replace_string": "\\1", "called_device_type": "teams_conference"}
#   good: |-
#     {"match_string": "(\\d{9,12})(@vc\\.example\\.org)?", "replace_string": "\\1", "called_device_type": "teams_conference"}
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
package pxlint.rules.px702

import data.pxlint.lib.family.infinity._judged

_ids := sprintf("%d–%d-digit", [input.config.teams_id_lengths[0], input.config.teams_id_lengths[1]])

_teams_conference(r) if {
	r.enable
	r.called_device_type == "teams_conference"
}

_px702_bad(r) := [i |
	some i, s in input.samples
	r.matches[i]
	r.results[i] != s.id
]

deny contains {
	"id": "PX702",
	"at": r.at,
	"field": "replace_string",
	"msg": sprintf("Call Routing Rule %q turns %q into %q: the Teams Connector needs only the %s conference ID%s (assuming Infinity applies fullmatch then the template)", [r.name, s.alias, r.results[i], _ids, _px702_hint(r)]),
	"fix": "set replace_string to \\1, with the ID as group 1 of match_string, e.g. (\\d{9,12})@vc\\.example\\.org",
} if {
	some r in input.rules
	_teams_conference(r)
	r.evaluated
	bad := _px702_bad(r)
	count(bad) > 0
	i := bad[0]
	s := input.samples[i]
}

_px702_hint(r) := ": the replace string is empty, so the alias is passed on unchanged" if {
	r.replace_string == ""
} else := ": $1 is literal text in Python's re; write \\1" if {
	some p in r.patterns
	p.dollar
} else := ""

not_verified contains {"id": "PX702", "reason": sprintf("Call Routing Rule %q: its pattern or template cannot be evaluated (see PX703)", [r.name])} if {
	_judged("PX702")
	some r in input.rules
	_teams_conference(r)
	not r.evaluated
}
