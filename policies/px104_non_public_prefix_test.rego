package pxlint.rules.px104_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.arr
import data.pxlint.lib.network_fixtures.only
import data.pxlint.lib.network_fixtures.q
import data.pxlint.lib.network_fixtures.with_nodes
import data.pxlint.rules.px104

test_px104_non_public if {
	doc := with_nodes([q("10.1.2.0/24", 5), q("100.64.1.1", 6), q("203.0.113.7", 7), q("127.0.0.1", 8), q("80.213.4.17", 9)])
	fs := only("PX104", network.deny) with input as doc
	count(fs) == 4
	some f in fs
	f.element == 1
	contains(f.msg, "carrier-grade NAT")
}

test_px104_only_node_prefixes if {
	doc := {"variables": {"PxMgmtSrcAddrPrefixes": arr([q("10.1.2.0/24", 3)]), "PxNodesSourceAddressPrefixes": arr([q("80.1.2.3", 4)])}}
	count(only("PX104", network.deny)) == 0 with input as doc
}

# Each range's description comes with its own range (non_public holds
# [range, what] pairs, matched by index).
test_px104_names_each_range if {
	every pair in px104.non_public {
		[cidr, what] := pair
		doc := with_nodes([q(cidr, 5)])
		{f.msg | some f in only("PX104", network.deny)} == {sprintf("%s in $PxNodesSourceAddressPrefixes is %s: the network security group sees the Conferencing Nodes' public (post-NAT) addresses, so this entry never matches", [cidr, what])} with input as doc
	}
}
