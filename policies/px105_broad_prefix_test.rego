package pxlint.rules.px105_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.only
import data.pxlint.lib.network_fixtures.q
import data.pxlint.lib.network_fixtures.with_nodes

test_px105_broad if {
	doc := with_nodes([q("0.0.0.0/0", 5), q("80.0.0.0/8", 6), q("81.2.0.0/16", 7)])
	fs := only("PX105", network.deny) with input as doc
	count(fs) == 2
	some f in fs
	f.element == 0
	f.msg == "0.0.0.0/0 in $PxNodesSourceAddressPrefixes allows the whole Internet, which defeats the network security group"
}

test_px105_configured_min if {
	doc := object.union(with_nodes([q("81.2.0.0/20", 5)]), {"config": {"rules": {"PX105": {"min_prefix_length": 24}}}})
	some f in network.deny with input as doc
	f.id == "PX105"
	f.msg == "81.2.0.0/20 in $PxNodesSourceAddressPrefixes is a /20, broader than /24: it opens the network security group to 4096 addresses"
}
