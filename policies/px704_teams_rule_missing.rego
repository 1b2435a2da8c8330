# METADATA
# title: No Call Routing Rule sends Teams conference IDs to Teams
# description: >-
#   Error: Teams connectors or Virtual Receptions exist, but no enabled rule for
#   incoming SIP, H.323 or WebRTC gateway calls with a Teams call target matches
#   `<id>@<domain>`. Warning: a Teams rule matches the full alias URI
#   (`match_string_full`), or only registered devices
#   (`match_incoming_only_if_registered`).
# custom:
#   id: PX704
#   name: teams-rule-missing
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     direct dialing of Teams meetings failing ("Call is not connecting", seed
#     lines 178–186)
#   remediation: >-
#     Add a rule: match `(\d{9,12})@<domain>`, replace `\1`, Microsoft Teams
#     meeting, incoming calls.
#   bad: |-
#     {"gateway_routing_rule": [], "teams_proxy": [{"address": "pexip-teamsconn-eu.teams.example.org"}]}
#   good: |-
#     {"gateway_routing_rule": [{"match_string": "(\\d{9,12})@vc\\.example\\.org", "replace_string": "\\1", "called_device_type": "teams_conference", "outgoing_protocol": "teams"}]}
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
package pxlint.rules.px704

import data.pxlint.lib.family.infinity._all_teams_rules_evaluated
import data.pxlint.lib.family.infinity._judged
import data.pxlint.lib.family.infinity._teams_rules

_incoming(r) if {
	r.enable
	r.match_incoming_calls
	some p in {"sip", "h323", "webrtc"}
	r.protocols[p]
}

_domain_samples := [i | some i, s in input.samples; s.domain != ""]

_px704_samples := _domain_samples if count(_domain_samples) > 0

else := [i | some i, s in input.samples]

_routed_to_teams(i) if {
	some r in input.rules
	_incoming(r)
	r.teams
	r.evaluated
	r.matches[i]
}

deny contains {
	"id": "PX704",
	"at": sprintf("%s#", [input.export]),
	"msg": sprintf("no enabled Call Routing Rule for incoming SIP, H.323 or WebRTC calls routes %s to Microsoft Teams, so direct dialing fails (\"Gateway dial out failed\")", [concat(", ", sort(lost))]),
	"fix": "add a rule: match_string (\\d{9,12})@<your domain>, replace_string \\1, called_device_type teams_conference, outgoing_protocol teams, match_incoming_calls true",
} if {
	_judged("PX704")
	count(input.receptions) + count(input.connectors) > 0
	_all_teams_rules_evaluated
	lost := {input.samples[i].alias | some i in _px704_samples; not _routed_to_teams(i); input.samples[i].id == _shortest_id}
	count(lost) > 0
}

_shortest_id := input.samples[0].id

deny contains {
	"id": "PX704",
	"severity": "warning",
	"at": r.at,
	"field": "match_string_full",
	"msg": sprintf("Teams rule %q matches the full alias URI (match_string_full = true): a SIP caller's sip:…;transport=tls does not match a pattern written for <id>@<domain>", [r.name]),
	"fix": "set match_string_full to false (match against the parsed alias)",
} if {
	some r in _teams_rules
	r.match_string_full
}

deny contains {
	"id": "PX704",
	"severity": "warning",
	"at": r.at,
	"field": "match_incoming_only_if_registered",
	"msg": sprintf("Teams rule %q applies only to devices registered to Infinity, so unregistered callers cannot dial Teams meetings", [r.name]),
	"fix": "set match_incoming_only_if_registered to false unless that restriction is intended",
} if {
	some r in _teams_rules
	r.match_incoming_only_if_registered
}
