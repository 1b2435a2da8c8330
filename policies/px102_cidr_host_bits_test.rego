package pxlint.rules.px102_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.only
import data.pxlint.lib.network_fixtures.q
import data.pxlint.lib.network_fixtures.with_nodes

test_px102_seed_example if {
	doc := with_nodes([q("91.90.42.96/26", 5)])
	only("PX102", network.deny) == {{
		"id": "PX102", "variable": "PxNodesSourceAddressPrefixes", "element": 0,
		"msg": "91.90.42.96/26 has host bits set; the network is 91.90.42.64/26 (or did you mean 91.90.42.96/27?)",
		"fix": "\"91.90.42.64/26\"",
	}} with input as doc
}

test_px102_host_address_with_prefix if {
	doc := with_nodes([q("10.0.0.1/24", 5)])
	some f in network.deny with input as doc
	f.id == "PX102"
	f.msg == "10.0.0.1/24 has host bits set; the network is 10.0.0.0/24 (or did you mean 10.0.0.1/32?)"
}

test_px102_network_passes if {
	count(only("PX102", network.deny)) == 0 with input as with_nodes([q("91.90.42.64/26", 5), q("80.213.4.17", 6)])
}
