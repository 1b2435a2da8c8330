package pxlint.rules.px103_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.arr
import data.pxlint.lib.network_fixtures.only
import data.pxlint.lib.network_fixtures.q
import data.pxlint.lib.network_fixtures.with_nodes

# The vendor template's @("","") means "not specified": PX107, not PX103.
test_px103_template_placeholder_is_px107s if {
	doc := with_nodes([q("", 5), q(" ", 5)])
	count(only("PX103", network.deny)) == 0 with input as doc
	only("PX107", network.deny) == {{
		"id": "PX107", "variable": "PxNodesSourceAddressPrefixes",
		"msg": "$PxNodesSourceAddressPrefixes is only empty strings (the template's \"not specified\"), so port 443 of the Teams Connector is open to the whole Internet",
		"fix": "$PxNodesSourceAddressPrefixes = @(\"<node public address>\") + $PxMgmtSrcAddrPrefixes",
	}} with input as doc
	count(only("PX101", network.deny)) == 0 with input as doc
}

test_px103_template_placeholder_in_mgmt if {
	doc := {"variables": {
		"PxNodesSourceAddressPrefixes": arr([q("80.213.4.17", 5)]),
		"PxMgmtSrcAddrPrefixes": arr([q("", 3), q("", 3)]),
	}}
	count(only("PX103", network.deny)) == 0 with input as doc
}

test_px103_one_of_several if {
	doc := with_nodes([q("", 5), q("80.213.4.17", 6)])
	some f in network.deny with input as doc
	f.id == "PX103"
	f.fix == "remove this element"
	# an empty entry is not also "invalid"
	count(only("PX101", network.deny)) == 0 with input as doc
}

# The template's placeholder with an address added is one mistake: one
# PX103 at the first empty element, counting the others.
test_px103_once_per_variable if {
	doc := with_nodes([q("80.213.4.17", 5), q("", 6), q(" ", 7)])
	fs := only("PX103", network.deny) with input as doc
	count(fs) == 1
	some f in fs
	f.element == 1
	f.fix == "remove the 2 empty elements"
	endswith(f.msg, "(2 empty elements in all)")
}
