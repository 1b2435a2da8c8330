package pxlint.rules.px108_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.arr
import data.pxlint.lib.network_fixtures.for_list
import data.pxlint.lib.network_fixtures.only
import data.pxlint.lib.network_fixtures.q
import data.pxlint.lib.network_fixtures.with_nodes

test_px108_no_mgmt_prefixes_warns if {
	some f in only("PX108", network.deny) with input as for_list([])
	f.severity == "warning"
	f.variable == "PxNodesSourceAddressPrefixes"
	startswith(f.msg, "$PxNodesSourceAddressPrefixes is set while $PxMgmtSrcAddrPrefixes is empty")
	count(only("PX108", network.deny)) == 1 with input as for_list([q("", 3), q("", 3)])
	count(only("PX108", network.deny)) == 1 with input as {"variables": {"PxNodesSourceAddressPrefixes": arr([q("80.213.4.17", 5)])}}
	count(data.pxlint.rules.px108.not_verified) == 0 with input as {"variables": {"PxNodesSourceAddressPrefixes": arr([q("80.213.4.17", 5)])}}

	# the consent address is known to be in the list
	doc := object.union(for_list([]), {"config": {"rules": {"PX108": {"consent_addresses": ["80.213.4.17"]}}}})
	count(only("PX108", network.deny)) == 0 with input as doc

	# a configured consent address outside the list
	out := object.union(for_list([]), {"config": {"rules": {"PX108": {"consent_addresses": ["62.1.2.3"]}}}})
	only("PX108", network.deny) == {{
		"id": "PX108", "variable": "PxNodesSourceAddressPrefixes",
		"msg": "$PxNodesSourceAddressPrefixes does not include the admin-consent address 62.1.2.3 (consent_addresses), so the admin-consent workstation cannot reach the Teams Connector on 443",
		"fix": "append \"62.1.2.3\": $PxNodesSourceAddressPrefixes = @(...) + $PxMgmtSrcAddrPrefixes",
	}} with input as out

	# no node prefixes: 443 is open to all (PX107), consent is not blocked
	count(only("PX108", network.deny)) == 0 with input as {"variables": {"PxMgmtSrcAddrPrefixes": arr([])}}
}

# A management list of the wrong type is PX008's finding, not an empty
# list: PX108 cannot judge the node list then (it still warns for $null,
# PowerShell's empty).
test_px108_wrong_type_is_not_empty if {
	nodes := arr([q("80.213.4.17", 5)])
	number := {"variables": {
		"PxNodesSourceAddressPrefixes": nodes,
		"PxMgmtSrcAddrPrefixes": {"kind": "number", "value": 42, "text": "42", "line": 3},
	}}
	count(only("PX108", network.deny)) == 0 with input as number
	data.pxlint.rules.px108.not_verified == {{"id": "PX108", "reason": "$PxMgmtSrcAddrPrefixes is not a list of prefixes (PX008), so whether the admin-consent workstation is among the node prefixes is not known"}} with input as number
	boolean := {"variables": {
		"PxNodesSourceAddressPrefixes": nodes,
		"PxMgmtSrcAddrPrefixes": {"kind": "bool", "value": true, "text": "$true", "line": 3},
	}}
	count(only("PX108", network.deny)) == 0 with input as boolean
	count(data.pxlint.rules.px108.not_verified) == 1 with input as boolean
	null_list := {"variables": {
		"PxNodesSourceAddressPrefixes": nodes,
		"PxMgmtSrcAddrPrefixes": {"kind": "null", "value": null, "text": "$null", "line": 3},
	}}
	count(only("PX108", network.deny)) == 1 with input as null_list
	count(data.pxlint.rules.px108.not_verified) == 0 with input as null_list

	# a consent address makes the management list irrelevant
	doc := object.union(number, {"config": {"rules": {"PX108": {"consent_addresses": ["80.213.4.17"]}}}})
	count(data.pxlint.rules.px108.not_verified) == 0 with input as doc
}

test_px108_consent_source_missing if {
	doc := with_nodes([q("80.213.4.17", 5), q("31.45.128.0/27", 6)])
	only("PX108", network.deny) == {{
		"id": "PX108", "variable": "PxNodesSourceAddressPrefixes",
		"msg": "$PxNodesSourceAddressPrefixes does not include the management prefix 85.10.200.0/28, so the admin-consent workstation cannot reach the Teams Connector on 443",
		"fix": "append the management prefixes: $PxNodesSourceAddressPrefixes = @(...) + $PxMgmtSrcAddrPrefixes",
	}} with input as doc
}

test_px108_covered_by_wider_prefix if {
	doc := with_nodes([q("85.10.0.0/16", 5)])
	count(only("PX108", network.deny)) == 0 with input as doc
}
