package pxlint.rules.px003_test

import data.pxlint.lib.script_fixtures as script
import data.pxlint.lib.script_fixtures.ids
import data.pxlint.lib.script_fixtures.only

# --- PX003 ---------------------------------------------------------------

test_px003_single_quoted_subexpression if {
	doc := {"variables": {"PxTeamsConnResourceGroupName": {"kind": "string", "quote": "single", "value": "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"}}}
	fs := only("PX003", script.deny) with input as doc
	count(fs) == 1
	some f in fs
	f.variable == "PxTeamsConnResourceGroupName"
	f.fix == "$PxTeamsConnResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\""
}

test_px003_single_quoted_known_variable if {
	doc := {"variables": {
		"PxBaseConnName": {"kind": "string", "quote": "double", "value": "x"},
		"PxPfxCertFileName": {"kind": "string", "quote": "single", "value": "$PxBaseConnName.pfx"},
	}}
	"PX003" in ids(script.deny) with input as doc
}

test_px003_element if {
	doc := {"variables": {"PxMgmtSrcAddrPrefixes": {"kind": "array", "elements": [{"kind": "quoted", "quote": "single", "value": "$($net)", "text": "'$($net)'"}]}}}
	some f in script.deny with input as doc
	f.id == "PX003"
	f.element == 0
}

test_px003_pass if {
	doc := {"variables": {
		"PxWinAdminPassword": {"kind": "secret", "quote": "single", "secret": {"literal": true, "length": 14}},
		"PxAppPassword": {"kind": "secret", "quote": "single", "secret": {"literal": true, "length": 4}},
		"PxVmssRegion": {"kind": "string", "quote": "single", "value": "weu"},
		"PxTeamsConnFqdn": {"kind": "string", "quote": "single", "value": "costs $5"},
		"PxTeamsConnResourceGroupName": {"kind": "string", "quote": "double", "value": "$(x)"},
	}}
	count(only("PX003", script.deny)) == 0 with input as doc
}
