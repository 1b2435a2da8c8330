# METADATA
# title: >-
#   No Teams rule routes the bare conference ID a Virtual Reception may hand
#   over
# description: >-
#   A Teams Virtual Reception exists, but no enabled Teams rule matches the bare
#   ID (`123456789`), in case the Virtual Reception passes the entered ID on to
#   Call Routing Rules.
# custom:
#   id: PX713
#   name: teams-vr-handoff
#   severity: warning
#   prevents: >-
#     "indirect dialing where the caller has successfully entered a valid
#     conference ID… failed to connect"
#   remediation: >-
#     Make the domain optional in the Teams rule:
#     `(\d{9,12})(@vc\.example\.org)?`.
#   bad: |-
#     {"match_string": "(\\d{9,12})@vc\\.example\\.org"}
#   good: |-
#     {"match_string": "(\\d{9,12})(@vc\\.example\\.org)?"}
#   infinity: true
#   assumes: >-
#     That a Teams Virtual Reception hands the bare ID to Call Routing Rules is
#     not established by Pexip's documentation (inferred from the
#     troubleshooting page), so this is a warning.
package pxlint.rules.px713

import data.pxlint.lib.family.infinity._all_teams_rules_evaluated
import data.pxlint.lib.family.infinity._judged

deny contains {
	"id": "PX713",
	"at": v.at,
	"msg": sprintf("Virtual Reception %q exists, but no enabled Teams rule routes the bare conference ID (e.g. %s); if the VR hands the entered ID to Call Routing Rules, indirect dialing fails (assumed, not confirmed by Pexip's documentation)", [v.name, _bare[0]]),
	"fix": "make the domain optional in the Teams rule's match_string: (\\d{9,12})(@vc\\.example\\.org)?",
} if {
	_judged("PX713")
	_all_teams_rules_evaluated
	count(_bare) > 0
	some v in input.receptions
	not _bare_routed
}

_bare := [s.alias | some s in input.samples; s.domain == ""]

_bare_routed if {
	some i, s in input.samples
	s.domain == ""
	some r in input.rules
	r.enable
	r.teams
	r.evaluated
	r.matches[i]
}
