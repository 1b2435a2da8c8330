# METADATA
# title: Teams Virtual Reception regex rejects or changes conference IDs
# description: >-
#   A Teams Virtual Reception's `match_string` rejects some conference ID of the
#   configured lengths, or its `replace_string` or
#   `post_match_string`/`post_replace_string` pair changes the digits.
# custom:
#   id: PX712
#   name: teams-vr-id-regex
#   severity: error
#   prevents: >-
#     "Conference ID invalid" / "Cannot connect to this extension" (linked by
#     inference)
#   remediation: >-
#     Leave the Virtual Reception's regexes empty, or make them accept and keep
#     every 9–12-digit ID.
#   bad: |-
#     {"match_string": "\\d{9,10}", "replace_string": ""}
#   good: |-
#     {"match_string": "", "replace_string": ""}
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
#     .pxlint.hcl). The replace string applies only when match_string is set and
#     matches (schema).
package pxlint.rules.px712

deny contains {
	"id": "PX712",
	"at": v.at,
	"field": "match_string",
	"msg": sprintf("Virtual Reception %q: match_string \"%s\" rejects the conference IDs %s, so callers hear \"Conference ID invalid\"", [v.name, v.patterns[0].source, concat(", ", rejected)]),
	"fix": "accept every 9–12-digit ID, e.g. match_string \\d{9,12}, or leave match_string empty",
} if {
	some v in input.receptions
	v.evaluated
	rejected := [sprintf("%s (%d digits)", [c.id, count(c.id)]) | some c in v.ids; not c.matched]
	count(rejected) > 0
}

deny contains {
	"id": "PX712",
	"at": v.at,
	"field": _px712_field(v),
	"msg": sprintf("Virtual Reception %q turns the conference ID %s into %q: the Teams lookup needs the digits unchanged", [v.name, c.id, c.post_result]),
	"fix": "leave replace_string and post_replace_string empty, or make them keep the digits (\\1 with the ID as group 1)",
} if {
	some v in input.receptions
	v.evaluated
	some c in v.ids
	c.matched
	c.post_result != c.id
}

_px712_field(v) := "replace_string" if v.patterns[0].source != ""

else := "post_replace_string"

not_verified contains {"id": "PX712", "reason": sprintf("Virtual Reception %q: its regexes cannot be evaluated (see PX703)", [v.name])} if {
	some v in input.receptions
	not v.evaluated
}
