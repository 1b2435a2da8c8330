# METADATA
# title: Non-public range in the node prefixes
# description: >-
#   A private (RFC 1918), loopback, link-local, carrier-grade NAT
#   (100.64.0.0/10), multicast, reserved (0.0.0.0/8, 240.0.0.0/4), documentation
#   (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) or benchmarking
#   (198.18.0.0/15) range in `$PxNodesSourceAddressPrefixes`. Conferencing Nodes
#   reach the Teams Connector from their public (post-NAT) addresses, so such an
#   entry never matches.
# custom:
#   id: PX104
#   name: non-public-prefix
#   severity: warning
#   prevents: calls blocked by the network security group
#   remediation: >-
#     List the public addresses the Conferencing Nodes' traffic leaves from.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @("10.20.0.0/24") + $PxMgmtSrcAddrPrefixes
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17") + $PxMgmtSrcAddrPrefixes
#   needs: [PxNodesSourceAddressPrefixes, PxMgmtSrcAddrPrefixes]
#   fragment: true
package pxlint.rules.px104

import data.pxlint.lib.family.network._entries
import data.pxlint.lib.family.network._located
import data.pxlint.lib.family.network.nodes

# PX104 non-public-prefix: the NSG sees the nodes' public (post-NAT) addresses.

# non_public lists [range, what it is] (net.cidr_contains_matches takes such
# tuples as they are: no list of the ranges alone to build per query).
non_public := [
	["10.0.0.0/8", "a private (RFC 1918) range"],
	["172.16.0.0/12", "a private (RFC 1918) range"],
	["192.168.0.0/16", "a private (RFC 1918) range"],
	["127.0.0.0/8", "a loopback range"],
	["169.254.0.0/16", "a link-local range"],
	["100.64.0.0/10", "a carrier-grade NAT range (100.64.0.0/10)"],
	["224.0.0.0/4", "a multicast range"],
	["240.0.0.0/4", "a reserved range (240.0.0.0/4)"],
	["0.0.0.0/8", "the reserved \"this network\" range (0.0.0.0/8)"],
	["192.0.2.0/24", "a documentation range (TEST-NET-1)"],
	["198.51.100.0/24", "a documentation range (TEST-NET-2)"],
	["203.0.113.0/24", "a documentation range (TEST-NET-3)"],
	["198.18.0.0/15", "a benchmarking range (198.18.0.0/15)"],
]

# _public_checked are the well-formed node entries; one builtin call matches
# them against every non-public range.
_public_checked := [e | some e in _entries; e.variable == nodes; e.facts.good]

_non_public_matches := net.cidr_contains_matches(
	non_public,
	[e.facts.cidr | some e in _public_checked],
)

deny contains r if {
	some [i, j] in _non_public_matches
	e := _public_checked[j]
	[_, what] := non_public[i]
	r := object.union(_located(e), {
		"id": "PX104",
		"msg": sprintf("%s in $%s is %s: the network security group sees the Conferencing Nodes' public (post-NAT) addresses, so this entry never matches", [e.value, nodes, what]),
		"fix": "replace it with the public address the nodes' traffic leaves from",
	})
}
