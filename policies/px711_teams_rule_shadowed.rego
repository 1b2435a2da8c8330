# METADATA
# title: >-
#   Teams conference IDs are taken by another rule or a service alias first
# description: >-
#   For a sample alias and incoming protocol (SIP, H.323, WebRTC), the first
#   enabled rule by ascending priority that matches it is not a Teams rule
#   although a Teams rule matches too; or a service alias equals the sample
#   (aliases win over rules); or a Teams rule ties on priority with another
#   matching rule. Error when every sample a Teams rule takes is lost, warning
#   when some are.
# custom:
#   id: PX711
#   name: teams-rule-shadowed
#   severity: error
#   levels: [warning, error]
#   prevents: "\"Gateway dial out failed\" / \"Call rejected\" for direct dialing"
#   remediation: >-
#     Give the Teams rule a lower priority number than broader rules, or narrow
#     them.
#   bad: |-
#     [{"name": "Any SIP", "priority": 10, "match_string": ".*@vc\\.example\\.org"}, {"name": "Teams", "priority": 40, "match_string": "(\\d{9,12})@vc\\.example\\.org"}]
#   good: |-
#     [{"name": "Teams", "priority": 10, "match_string": "(\\d{9,12})@vc\\.example\\.org"}, {"name": "Any SIP", "priority": 90, "match_string": ".*@vc\\.example\\.org"}]
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
package pxlint.rules.px711

import data.pxlint.lib.family.infinity._judged

_protocols := ["sip", "h323", "webrtc"]

# _candidates(i, p) are the rules that take sample i over protocol p.
_candidates(i, p) := [r |
	some r in input.rules
	r.enable
	r.match_incoming_calls
	r.protocols[p]
	r.evaluated
	r.matches[i]
]

_first(i, p) := [r | some r in _candidates(i, p); r.priority == min({x.priority | some x in _candidates(i, p)})]

# _lost(i, p) is the non-Teams rule that wins sample i over protocol p
# although a Teams rule would take it.
_lost contains {"i": i, "p": p, "rule": w, "teams": t} if {
	some i, _ in input.samples
	some p in _protocols
	cands := _candidates(i, p)
	some t in cands
	t.teams
	first := _first(i, p)
	every f in first {
		not f.teams
	}
	w := first[0]
}

_ties contains {"i": i, "p": p, "rule": w, "teams": t} if {
	some i, _ in input.samples
	some p in _protocols
	first := _first(i, p)
	some t in first
	t.teams
	some w in first
	not w.teams
}

_teams_samples := {i | some i, _ in input.samples; some p in _protocols; some r in _candidates(i, p); r.teams}

_lost_samples := {x.i | some x in _lost}

deny contains {
	"id": "PX711",
	"severity": _px711_severity,
	"at": w.at,
	"field": "priority",
	"msg": sprintf("Call Routing Rule %q (priority %d) matches %s before Teams rule %q (priority %d) for %s calls; rules are tried in ascending priority and the first match wins", [w.name, w.priority, concat(", ", sort(samples)), t.name, t.priority, concat("/", sort(protos))]),
	"fix": sprintf("give Teams rule %q a lower priority number than %q, or narrow %q's match_string", [t.name, w.name, w.name]),
} if {
	some x in _lost
	w := x.rule
	t := x.teams
	samples := {input.samples[y.i].alias | some y in _lost; y.rule.at == w.at; y.teams.at == t.at}
	protos := {y.p | some y in _lost; y.rule.at == w.at; y.teams.at == t.at}
}

_px711_severity := "error" if {
	count(_teams_samples) > 0
	count(_lost_samples) == count(_teams_samples)
} else := "warning"

deny contains {
	"id": "PX711",
	"severity": "warning",
	"at": t.at,
	"field": "priority",
	"msg": sprintf("Teams rule %q and rule %q share priority %d and both match %s: which one wins is not defined by priority", [t.name, w.name, t.priority, input.samples[x.i].alias]),
	"fix": "give the Teams rule a distinct, lower priority number",
} if {
	some x in _ties
	t := x.teams
	w := x.rule
}

deny contains {
	"id": "PX711",
	"severity": _px711_alias_severity,
	"at": t.at,
	"msg": sprintf("the alias %s belongs to service %q, and service aliases win over Call Routing Rules: Teams rule %q never sees that call", [s.alias, s.service, t.name]),
	"fix": "remove or rename the service alias",
} if {
	some i, s in input.samples
	s.service != ""
	some p in _protocols
	some t in _candidates(i, p)
	t.teams
}

_px711_alias_severity := "warning"

not_verified contains {"id": "PX711", "reason": sprintf("Call Routing Rule %q cannot be evaluated (PX703), so the order of rules is not known", [r.name])} if {
	_judged("PX711")
	some r in input.rules
	r.enable
	not r.evaluated
}
