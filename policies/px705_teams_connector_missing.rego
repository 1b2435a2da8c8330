# METADATA
# title: Teams rule or Virtual Reception has no Teams Connector
# description: >-
#   Error: a Teams rule has no `teams_proxy` and its outgoing location has none
#   either (or no location could supply one); a Teams Virtual Reception has no
#   `teams_proxy` and its Lookup location has none. Warning: the location is
#   Automatic and some of the locations that may handle the call lack a
#   connector.
# custom:
#   id: PX705
#   name: teams-connector-missing
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     "no Teams Connector configured against the Call Routing Rule or the rule's
#     Outgoing location"; "…against the Virtual Reception or the Virtual
#     Reception's Lookup location"
#   remediation: >-
#     Set the Teams Connector on the rule (or Virtual Reception) or on its
#     location.
#   bad: |-
#     {"teams_proxy": null, "outgoing_location": "/api/admin/configuration/v1/system_location/3/"}
#   good: |-
#     {"teams_proxy": "/api/admin/configuration/v1/teams_proxy/1/", "outgoing_location": "/api/admin/configuration/v1/system_location/2/"}
#   infinity: true
#   assumes: >-
#     When a rule's outgoing location (a Virtual Reception's Lookup location) is
#     Automatic, the location that handles the call is not known statically:
#     pxlint considers the rule's match_source_location if set, else every
#     location that has Conferencing Nodes (inferred).
package pxlint.rules.px705

import data.pxlint.lib.family.infinity._judged
import data.pxlint.lib.family.infinity._users

deny contains {
	"id": "PX705",
	"at": u.at,
	"field": u.loc_field,
	"msg": sprintf("%s has no Teams Connector, and neither has %s: the call fails (\"no Teams Connector configured\")", [u.what, _px705_where(u)]),
	"fix": sprintf("set teams_proxy on the %s or on its %s", [_kind_label(u), u.loc_label]),
} if {
	_judged("PX705")
	some u in _users
	u.own == ""
	count([r | some r in u.routes; r.connector != ""]) == 0
}

deny contains {
	"id": "PX705",
	"severity": "warning",
	"at": u.at,
	"field": u.loc_field,
	"msg": sprintf("%s has no Teams Connector and its %s is Automatic (unset): calls handled in %s find no connector there", [u.what, u.loc_label, concat(", ", sort(without))]),
	"fix": sprintf("set teams_proxy on the %s, or on those locations, or pick a %s", [_kind_label(u), u.loc_label]),
} if {
	_judged("PX705")
	some u in _users
	u.own == ""
	u.automatic
	some r in u.routes
	r.connector != ""
	without := {sprintf("%q", [x.location_name]) | some x in u.routes; x.connector == ""}
	count(without) > 0
}

_kind_label(u) := "rule" if u.kind == "rule"

else := "Virtual Reception"

_px705_where(u) := sprintf("its %s %q", [u.loc_label, u.routes[0].location_name]) if {
	not u.automatic
	count(u.routes) > 0
} else := sprintf("any location with Conferencing Nodes (its %s is Automatic)", [u.loc_label])
