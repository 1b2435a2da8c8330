package pxlint.rules.px205_test

import data.pxlint.lib.names_fixtures as names
import data.pxlint.lib.names_fixtures.doc

test_px205_same_groups_case_insensitive if {
	d := json.patch(doc("fabrikam", "weu"), [{"op": "replace", "path": "/variables/PxTeamsConnStaticResourceGroupName/value", "value": "FABRIKAM-TeamsConn-weu-RG"}])
	some f in names.deny with input as d
	f.id == "PX205"
	f.variable == "PxTeamsConnStaticResourceGroupName"
	f.fix == "$PxTeamsConnStaticResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG\""
}

test_px205_bot_group if {
	d := json.patch(doc("fabrikam", "weu"), [{"op": "replace", "path": "/variables/PxTeamsConnResourceGroupName/value", "value": "fabrikam-TeamsBotChan-RG"}])
	some f in names.deny with input as d
	f.id == "PX205"
	f.variable == "PxTeamsConnResourceGroupName"
}
