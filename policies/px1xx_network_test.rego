package pxlint.rules.network_test

import data.pxlint.rules.network

only(id, findings) := {f | some f in findings; f.id == id}

q(v, line) := {"kind": "quoted", "quote": "double", "value": v, "text": sprintf("\"%s\"", [v]), "line": line}

arr(els) := {"kind": "array", "value": [e.value | some e in els], "elements": els}

with_nodes(els) := {"variables": {
	"PxNodesSourceAddressPrefixes": arr(els),
	"PxMgmtSrcAddrPrefixes": arr([q("85.10.200.0/28", 3)]),
}}

clean := with_nodes([q("80.213.4.17", 5), q("31.45.128.0/27", 6), object.union(q("85.10.200.0/28", 3), {"from": "PxMgmtSrcAddrPrefixes"})])

test_clean_lists_pass if {
	count(network.deny) == 0 with input as clean
}

# --- PX101 ---

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

# --- PX102 ---

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

# --- PX103 ---

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

# --- PX104 ---

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

# --- PX105 ---

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

# --- PX106 ---

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

# --- PX107 ---

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

# --- PX108 ---

for_list(mgmt) := {"variables": {
	"PxNodesSourceAddressPrefixes": arr([q("80.213.4.17", 5)]),
	"PxMgmtSrcAddrPrefixes": arr(mgmt),
}}

test_px108_no_mgmt_prefixes_warns if {
	some f in only("PX108", network.deny) with input as for_list([])
	f.severity == "warning"
	f.variable == "PxNodesSourceAddressPrefixes"
	startswith(f.msg, "$PxNodesSourceAddressPrefixes is set while $PxMgmtSrcAddrPrefixes is empty")
	count(only("PX108", network.deny)) == 1 with input as for_list([q("", 3), q("", 3)])
	count(only("PX108", network.deny)) == 1 with input as {"variables": {"PxNodesSourceAddressPrefixes": arr([q("80.213.4.17", 5)])}}

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

test_single_quoted_expansion_is_px003s if {
	el := {"kind": "quoted", "quote": "single", "value": "$($PxBaseConnName)", "text": "'$($PxBaseConnName)'", "line": 5}
	count(network.deny) == 0 with input as with_nodes([el, q("85.10.200.0/28", 6)])
}
