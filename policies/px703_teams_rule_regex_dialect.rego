# METADATA
# title: >-
#   Teams rule or Virtual Reception regex is not valid Python, or not evaluable
# description: >-
#   Error: the match string or replace template of a Teams rule or Teams Virtual
#   Reception is invalid under Python's `re` (`\z`, `(?<name>…)`, `\p{…}`,
#   `\x{41}`, a global flag not at the start, a template with a bad escape or a
#   group the pattern lacks), or means something else than it looks
#   (`[[:digit:]]` is a set of characters in Python). Warning: it uses
#   constructs Go's RE2 cannot run (lookaround, backreferences, conditionals,
#   atomic groups, possessive repeats, `(?x)`), so the rules that evaluate it
#   (PX702, PX704, PX711, PX712, PX713) are not verified, or, with
#   `allow_backtracking_eval = true`, evaluated approximately with a .NET-style
#   engine.
# custom:
#   id: PX703
#   name: teams-rule-regex-dialect
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     "Gateway dial out failed" / "Call rejected" from a rule that never matches
#     as written
#   remediation: >-
#     Write Python syntax: `\Z`, `(?P<name>…)`, `\d`; refer to groups as `\1`
#     or `\g<name>`.
#   bad: |-
#     {"match_string": "([[:digit:]]{9,12})@vc\\.example\\.org\\z", "replace_string": "\\1"}
#   good: |-
#     {"match_string": "(\\d{9,12})@vc\\.example\\.org", "replace_string": "\\1"}
#   infinity: true
#   assumes: >-
#     Infinity runs Python's `re` (its management stack is Python; no Pexip text
#     says so outright). The Python version inside each release is unknown:
#     atomic groups and possessive repeats need 3.11.
package pxlint.rules.px703

import data.pxlint.lib.family.infinity._teams_rules

_regex_owners contains {"what": sprintf("Call Routing Rule %q", [r.name]), "at": r.at, "p": p} if {
	some r in _teams_rules
	some p in r.patterns
}

_regex_owners contains {"what": sprintf("Virtual Reception %q", [v.name]), "at": v.at, "p": p} if {
	some v in input.receptions
	some p in v.patterns
}

deny contains {
	"id": "PX703",
	"at": o.at,
	"field": o.p.field,
	"msg": sprintf("%s: %s \"%s\" is not valid in Python's re, which Infinity uses: %s", [o.what, o.p.field, o.p.source, concat("; ", o.p.problems)]),
	"fix": "write Python syntax: \\Z not \\z, (?P<name>…) not (?<name>…), \\d not [[:digit:]] or \\p{Nd}",
} if {
	some o in _regex_owners
	o.p.kind == "invalid"
}

deny contains {
	"id": "PX703",
	"at": o.at,
	"field": o.p.field,
	"msg": sprintf("%s: %s \"%s\" does not mean what it looks like in Python's re: %s", [o.what, o.p.field, o.p.source, concat("; ", o.p.mistakes)]),
	"fix": "write \\d for a digit",
} if {
	some o in _regex_owners
	o.p.kind != "invalid"
	count(o.p.mistakes) > 0
}

deny contains {
	"id": "PX703",
	"at": o.at,
	"field": o.p.template_field,
	"msg": sprintf("%s: %s is not a valid Python replace template for %s: %s", [o.what, o.p.template_field, o.p.field, o.p.template_error]),
	"fix": "refer to groups as \\1 or \\g<name>, to existing groups only; escape a literal backslash as \\\\",
} if {
	some o in _regex_owners
	o.p.template_error != ""
}

deny contains {
	"id": "PX703",
	"severity": "warning",
	"at": o.at,
	"field": o.p.field,
	"msg": sprintf("%s: %s \"%s\" uses %s, which Go's RE2 cannot run, so the rules that evaluate it are %s", [o.what, o.p.field, o.p.source, concat("; ", o.p.problems), _bt_outcome(o.p)]),
	"fix": "prefer a pattern without lookaround or backreferences; or set allow_backtracking_eval = true in the infinity block for an approximate evaluation",
} if {
	some o in _regex_owners
	o.p.kind == "backtracking"
}

_bt_outcome(p) := "evaluated approximately (regexp2, .NET semantics)" if p.approximate

else := "not verified"
