# METADATA
# title: Teams rule fields contradict each other
# description: >-
#   `outgoing_protocol = teams` with a call target that is not a Teams one, or
#   the reverse; `live_captions_enabled` other than `no` on a Teams rule
#   (Pexip's Terraform provider refuses it); `match_incoming_calls = false` on
#   the only Teams rule.
# custom:
#   id: PX715
#   name: teams-rule-consistency
#   severity: warning
#   prevents: >-
#     "Gateway dial out failed" from a half-configured Teams rule (inferred)
#   remediation: >-
#     Set `outgoing_protocol` to `teams` and `called_device_type` to
#     `teams_conference` together.
#   bad: |-
#     {"called_device_type": "teams_conference", "outgoing_protocol": "sip"}
#   good: |-
#     {"called_device_type": "teams_conference", "outgoing_protocol": "teams", "live_captions_enabled": "no"}
#   infinity: true
#   assumes: >-
#     A rule is a Teams rule when its call target is teams_conference or
#     teams_user, or its outgoing protocol is teams (inferred from third-party
#     notes).
package pxlint.rules.px715

import data.pxlint.lib.family.infinity._teams_rules

_teams_types := {"teams_conference", "teams_user"}

deny contains {
	"id": "PX715",
	"at": r.at,
	"field": "outgoing_protocol",
	"msg": sprintf("Call Routing Rule %q: outgoing_protocol is %q but called_device_type is %q; a Teams rule sets both (teams, teams_conference)", [r.name, r.outgoing_protocol, r.called_device_type]),
	"fix": "set outgoing_protocol to teams and called_device_type to teams_conference (Microsoft Teams meeting)",
} if {
	some r in _teams_rules
	(r.outgoing_protocol == "teams") != (r.called_device_type in _teams_types)
}

deny contains {
	"id": "PX715",
	"at": r.at,
	"field": "live_captions_enabled",
	"msg": sprintf("Teams rule %q sets live_captions_enabled to %q; Pexip's Terraform provider accepts only \"no\" on Teams rules", [r.name, r.live_captions_enabled]),
	"fix": "set live_captions_enabled to no",
} if {
	some r in _teams_rules
	r.outgoing_protocol == "teams"
	r.live_captions_enabled != ""
	r.live_captions_enabled != "no"
}

deny contains {
	"id": "PX715",
	"at": r.at,
	"field": "match_incoming_calls",
	"msg": sprintf("the only Teams rule, %q, does not match incoming calls (match_incoming_calls = false), so no caller reaches Teams through it", [r.name]),
	"fix": "set match_incoming_calls to true",
} if {
	count(_teams_rules) == 1
	r := _teams_rules[0]
	not r.match_incoming_calls
}
