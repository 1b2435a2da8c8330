# METADATA
# title: Location used for Teams has no usable Conferencing Node
# description: >-
#   Error: the outgoing location of a Teams rule or the Lookup location of a
#   Teams Virtual Reception has no Conferencing Nodes. Warning: all its nodes
#   are in maintenance mode, or it mixes Proxying Edge and Transcoding nodes.
# custom:
#   id: PX708
#   name: teams-location-empty
#   severity: error
#   levels: [error, warning]
#   prevents: "\"the Conferencing Node cannot reach the nominated Teams Connector\""
#   remediation: "Add nodes to the location, or use a location that has them."
#   bad: |-
#     {"system_location": [{"name": "EU Edge"}], "worker_vm": []}
#   good: |-
#     {"system_location": [{"name": "EU Edge"}], "worker_vm": [{"system_location": "/api/admin/configuration/v1/system_location/2/"}]}
#   infinity: true
#   assumes: >-
#     When a rule's outgoing location (a Virtual Reception's Lookup location) is
#     Automatic, the location that handles the call is not known statically:
#     pxlint considers the rule's match_source_location if set, else every
#     location that has Conferencing Nodes (inferred).
package pxlint.rules.px708

import data.pxlint.lib.family.infinity._judged
import data.pxlint.lib.family.infinity._location
import data.pxlint.lib.family.infinity._node
import data.pxlint.lib.family.infinity._users

_teams_locations contains {"key": r.location, "user": u.what} if {
	some u in _users
	some r in u.routes
	r.location != ""
}

deny contains {
	"id": "PX708",
	"at": l.at,
	"msg": sprintf("location %q, used by %s, has no Conferencing Nodes: no node can reach the Teams Connector", [l.name, concat(" and ", _location_users(t.key))]),
	"fix": "add Conferencing Nodes to that location or point the rule at a location that has them",
} if {
	_judged("PX708")
	some t in _teams_locations
	l := _location(t.key)
	count(l.nodes) == 0
}

_location_users(key) := sort({t.user | some t in _teams_locations; t.key == key})

deny contains {
	"id": "PX708",
	"severity": "warning",
	"at": l.at,
	"msg": sprintf("every Conferencing Node of location %q, used by %s, is in maintenance mode", [l.name, concat(" and ", _location_users(t.key))]),
	"fix": "take a node out of maintenance mode",
} if {
	_judged("PX708")
	some t in _teams_locations
	l := _location(t.key)
	count(l.nodes) > 0
	every k in l.nodes {
		_node(k).maintenance_mode
	}
}

deny contains {
	"id": "PX708",
	"severity": "warning",
	"at": l.at,
	"msg": sprintf("location %q, used by %s, mixes Proxying Edge and Transcoding nodes, which Infinity advises against", [l.name, concat(" and ", _location_users(t.key))]),
	"fix": "keep proxying and transcoding nodes in separate locations",
} if {
	_judged("PX708")
	some t in _teams_locations
	l := _location(t.key)
	types := {_node(k).node_type | some k in l.nodes; _node(k).node_type != ""}
	count(types) > 1
}
