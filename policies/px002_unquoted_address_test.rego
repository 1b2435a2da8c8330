package pxlint.rules.px002_test

import data.pxlint.lib.script_fixtures as script
import data.pxlint.lib.script_fixtures.only

# --- PX002 ---------------------------------------------------------------

test_px002_bare_element if {
	doc := {"variables": {"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [
		{"kind": "bare", "value": null, "text": "80.213.4.17"},
		{"kind": "quoted", "quote": "double", "value": "31.45.128.0/27", "text": "\"31.45.128.0/27\""},
	]}}}
	fs := only("PX002", script.deny) with input as doc
	fs == {{
		"id": "PX002", "variable": "PxNodesSourceAddressPrefixes", "element": 0,
		"msg": "80.213.4.17 in $PxNodesSourceAddressPrefixes is not quoted: PowerShell evaluates it to $null, not to the address",
		"fix": "\"80.213.4.17\"",
	}}
}

test_px002_bare_scalar_cidr if {
	doc := {"variables": {"PxMgmtSrcAddrPrefixes": {"kind": "number", "value": 0, "text": "91.90.42.64/26"}}}
	some f in script.deny with input as doc
	f.id == "PX002"
	f.fix == "$PxMgmtSrcAddrPrefixes = \"91.90.42.64/26\""
	contains(f.msg, "0 ($null divided")
}

test_px002_appended_element_reported_once_at_source if {
	doc := {"variables": {"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [{"kind": "bare", "value": null, "text": "1.2.3.4", "from": "PxMgmtSrcAddrPrefixes"}]}}}
	count(only("PX002", script.deny)) == 0 with input as doc
}

test_px002_quoted_and_non_address_pass if {
	doc := {"variables": {
		"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [{"kind": "quoted", "quote": "double", "value": "1.2.3.4", "text": "\"1.2.3.4\""}]},
		"PxTeamsConnInstanceCount": {"kind": "number", "value": 2, "text": "2"},
		"PxVmssRegion": {"kind": "string", "quote": "double", "value": "1.2.3.4", "text": "\"1.2.3.4\""},
	}}
	count(only("PX002", script.deny)) == 0 with input as doc
}

# The address shape is tested before the kind and the quote: an
# address-like text still passes when the value is a string or a secret,
# or when it was quoted.
test_px002_address_text_of_string_secret_or_quoted_passes if {
	doc := {"variables": {
		"PxVmssRegion": {"kind": "string", "value": "1.2.3.4", "text": "1.2.3.4"},
		"PxWinAdminPassword": {"kind": "secret", "text": "1.2.3.4"},
		"PxMgmtSrcAddrPrefixes": {"kind": "expression", "quote": "double", "value": "1.2.3.4", "text": "1.2.3.4"},
	}}
	count(only("PX002", script.deny)) == 0 with input as doc
}
