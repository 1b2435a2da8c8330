# METADATA
# title: >-
#   Conferencing Node for Teams has no public address, or one the connector's
#   NSG blocks
# description: >-
#   A node in a location used for Teams has a private `address` and no
#   `static_nat_address`; or its public address is outside a non-empty
#   `$PxNodesSourceAddressPrefixes` of the paired script, so the connector's
#   network security group blocks port 443.
# custom:
#   id: PX710
#   name: teams-node-reachability
#   severity: warning
#   prevents: "\"the Conferencing Node cannot reach the nominated Teams Connector\""
#   remediation: >-
#     Give the node a public (or static NAT) address and list it in
#     `$PxNodesSourceAddressPrefixes`.
#   bad: |-
#     {"address": "10.20.0.11", "static_nat_address": ""}
#   good: |-
#     {"address": "10.20.0.11", "static_nat_address": "203.0.113.11"}
#   infinity: true
#   assumes: >-
#     When a rule's outgoing location (a Virtual Reception's Lookup location) is
#     Automatic, the location that handles the call is not known statically:
#     pxlint considers the rule's match_source_location if set, else every
#     location that has Conferencing Nodes (inferred).
package pxlint.rules.px710

import data.pxlint.lib.family.infinity._connector
import data.pxlint.lib.family.infinity._judged
import data.pxlint.lib.family.infinity._location
import data.pxlint.lib.family.infinity._node
import data.pxlint.lib.family.infinity._script
import data.pxlint.lib.family.infinity._users

_private := ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]

_is_private(ip) if {
	some p in _private
	net.cidr_contains(p, ip)
}

_public_ip(n) := n.static_nat_address if n.static_nat_address != ""

else := n.address

_cidr(p) := p if contains(p, "/")

else := sprintf("%s/32", [p])

_ipv4(ip) if regex.match(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$`, ip)

_teams_nodes contains {"node": k, "connector": r.connector} if {
	some u in _users
	some r in u.routes
	r.location != ""
	some k in _location(r.location).nodes
}

deny contains {
	"id": "PX710",
	"at": n.at,
	"field": "address",
	"msg": sprintf("Conferencing Node %q carries Teams calls but has the private address %s and no static_nat_address: the Teams Connector cannot reach it", [n.name, n.address]),
	"fix": "set static_nat_address to the node's public address",
} if {
	_judged("PX710")
	some t in _teams_nodes
	n := _node(t.node)
	n.static_nat_address == ""
	_ipv4(n.address)
	_is_private(n.address)
}

deny contains {
	"id": "PX710",
	"at": n.at,
	"field": _px710_field(n),
	"msg": sprintf("Conferencing Node %q reaches Teams Connector %q from %s, outside $PxNodesSourceAddressPrefixes of %s (%s): the connector's network security group blocks port 443", [n.name, c.name, ip, c.script, concat(", ", s.node_prefixes)]),
	"fix": sprintf("add %s/32 (or its range) to $PxNodesSourceAddressPrefixes in %s", [ip, c.script]),
} if {
	_judged("PX710")
	some t in _teams_nodes
	n := _node(t.node)
	t.connector != ""
	c := _connector(t.connector)
	c.script != ""
	s := _script(c.script)
	not "PxNodesSourceAddressPrefixes" in s.unknown
	count(s.node_prefixes) > 0
	ip := _public_ip(n)
	_ipv4(ip)
	not _is_private(ip)
	not _in_prefixes(ip, s.node_prefixes)
}

_in_prefixes(ip, prefixes) if {
	some p in prefixes
	net.cidr_contains(_cidr(p), ip)
}

_px710_field(n) := "static_nat_address" if n.static_nat_address != ""

else := "address"
