package pxlint.rules.px101_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.only
import data.pxlint.lib.network_fixtures.q
import data.pxlint.lib.network_fixtures.with_nodes

test_px101_invalid if {
	doc := with_nodes([q("10.0.0.300", 5), q("10.0.0.0/33", 6), q("10.0.0/0/16", 7), q("10.0.0.0/", 8), q(" 80.1.2.3", 9), q("foo", 10)])
	fs := only("PX101", network.deny) with input as doc
	count(fs) == 6
	some f in fs
	f.element == 4
	f.fix == "\"80.1.2.3\""
	f.msg == "\" 80.1.2.3\" in $PxNodesSourceAddressPrefixes is not a valid IPv4 address or CIDR prefix: it has spaces inside the quotes"
	some g in fs
	g.element == 1
	endswith(g.msg, "the prefix length is over 32")
}

# A bare number in the list (`@("80.1.2.3", 5)`) is passed on as "5": PX101,
# at its element; a bare address beside it is PX002's, not PX101's.
test_px101_bare_number if {
	doc := with_nodes([
		q("80.1.2.3", 5),
		{"kind": "bare", "value": 5, "text": "5", "line": 6},
		{"kind": "bare", "value": null, "text": "10.0.0.1", "line": 7},
	])
	fs := only("PX101", network.deny) with input as doc
	count(fs) == 1
	some f in fs
	f.element == 1
	startswith(f.msg, "\"5\" in $PxNodesSourceAddressPrefixes is not a valid IPv4 address or CIDR prefix")
}
