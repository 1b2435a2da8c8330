package pxlint.rules.px107_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.only

test_px107_missing_and_empty if {
	some f in network.deny with input as {"variables": {}}
	f.id == "PX107"
	not f.variable
	some g in network.deny with input as {"variables": {"PxNodesSourceAddressPrefixes": {"kind": "array", "value": [], "elements": []}}}
	g.id == "PX107"
	g.variable == "PxNodesSourceAddressPrefixes"
}

test_px107_unknown_is_not_judged if {
	count(only("PX107", network.deny)) == 0 with input as {"variables": {"PxNodesSourceAddressPrefixes": {"kind": "unknown", "reason": "Read-Host"}}}
}
