package pxlint.rules.px106_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.only
import data.pxlint.lib.network_fixtures.q
import data.pxlint.lib.network_fixtures.with_nodes

test_px106_duplicate_of_appended if {
	doc := with_nodes([q("85.10.200.0/28", 5), object.union(q("85.10.200.0/28", 3), {"from": "PxMgmtSrcAddrPrefixes"})])
	only("PX106", network.deny) == {{
		"id": "PX106", "variable": "PxNodesSourceAddressPrefixes", "element": 0,
		"msg": "85.10.200.0/28 is listed twice in $PxNodesSourceAddressPrefixes (also from $PxMgmtSrcAddrPrefixes, line 3)",
		"fix": "remove this element",
	}} with input as doc
}

test_px106_contained if {
	doc := with_nodes([q("31.45.128.0/24", 5), q("31.45.128.17", 6), object.union(q("85.10.200.0/28", 3), {"from": "PxMgmtSrcAddrPrefixes"})])
	fs := only("PX106", network.deny) with input as doc
	count(fs) == 1
	some f in fs
	f.element == 1
	f.msg == "31.45.128.17 is already contained in 31.45.128.0/24 (line 5), so this entry in $PxNodesSourceAddressPrefixes is redundant"
}

test_px106_containing_hand_written_entry if {
	doc := with_nodes([q("85.10.0.0/16", 5), object.union(q("85.10.200.0/28", 3), {"from": "PxMgmtSrcAddrPrefixes"})])
	fs := only("PX106", network.deny) with input as doc
	count(fs) == 1
	some f in fs
	f.element == 0
}
