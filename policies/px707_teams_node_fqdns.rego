# METADATA
# title: >-
#   Conferencing Node talks to a Teams Connector whose $PxNodeFqdns does not
#   name it
# description: >-
#   A Conferencing Node in the location of a Teams rule or Virtual Reception
#   that uses connector C is not named in the `$PxNodeFqdns` of C's variables
#   script (the script whose `$PxTeamsConnFqdn` is C's address); a node also
#   passes when its TLS certificate carries a listed name. Needs the scripts
#   (`--scripts`, or `pxlint lint` with an infinity block).
# custom:
#   id: PX707
#   name: teams-node-fqdns
#   severity: error
#   prevents: >-
#     Error="401": "communicating with the wrong Teams Connector… the nodes
#     that were referenced in the $PxNodeFqdns variable"
#   remediation: >-
#     Add the node's FQDN to `$PxNodeFqdns` and redeploy the connector, or move
#     the node to the right location.
#   bad: |-
#     {"worker_vm": [{"hostname": "eu-edge-09", "domain": "vc.example.org"}]}  # $PxNodeFqdns = "eu-edge-01.vc.example.org"
#   good: |-
#     {"worker_vm": [{"hostname": "eu-edge-01", "domain": "vc.example.org"}]}  # $PxNodeFqdns = "eu-edge-01.vc.example.org"
#   infinity: true
#   assumes: >-
#     A node's FQDN is `hostname.domain` (inferred). When a rule's outgoing
#     location (a Virtual Reception's Lookup location) is Automatic, the
#     location that handles the call is not known statically: pxlint considers
#     the rule's match_source_location if set, else every location that has
#     Conferencing Nodes (inferred).
package pxlint.rules.px707

import data.pxlint.lib.family.infinity._connector
import data.pxlint.lib.family.infinity._location
import data.pxlint.lib.family.infinity._node
import data.pxlint.lib.family.infinity._script
import data.pxlint.lib.family.infinity._users

_listed(n, s) if lower(n.fqdn) in {lower(x) | some x in s.node_fqdns}

_listed(n, s) if {
	some p in n.pool_names
	p in {lower(x) | some x in s.node_fqdns}
}

_px707 contains {"node": nk, "connector": r.connector, "location": r.location_name, "user": u.what} if {
	input.scripts_given
	some u in _users
	some r in u.routes
	r.connector != ""
	r.location != ""
	c := _connector(r.connector)
	c.script != ""
	s := _script(c.script)
	not "PxNodeFqdns" in s.unknown
	count(s.node_fqdns) > 0 # a missing list is PX501's
	some nk in _location(r.location).nodes
	not _listed(_node(nk), s)
}

deny contains {
	"id": "PX707",
	"at": n.at,
	"field": "hostname",
	"msg": sprintf("Conferencing Node %q (%s) in location %q talks to Teams Connector %q for %s, but %s's $PxNodeFqdns lists only %s: the connector rejects it with Error=\"401\"", [n.name, n.fqdn, x.location, c.name, concat(" and ", sort(users)), c.script, concat(", ", s.node_fqdns)]),
	"fix": sprintf("add %s to $PxNodeFqdns in %s and redeploy the connector, or move the node out of that location", [n.fqdn, c.script]),
} if {
	some x in _px707
	n := _node(x.node)
	c := _connector(x.connector)
	s := _script(c.script)
	users := {y.user | some y in _px707; y.node == x.node; y.connector == x.connector}
}
