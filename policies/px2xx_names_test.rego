package pxlint.rules.names_test

import data.pxlint.lib.profile_fixtures
import data.pxlint.rules.names

only(id, findings) := {f | some f in findings; f.id == id}

s(v) := {"kind": "string", "quote": "double", "value": v, "line": 1}

vars(base, region) := {
	"PxBaseConnName": object.union(s(base), {"line": 4}),
	"PxVmssRegion": object.union(s(region), {"line": 5}),
	"PxTeamsConnResourceGroupName": s(sprintf("%s-TeamsConn-%s-RG", [base, region])),
	"PxTeamsConnStaticResourceGroupName": s(sprintf("%s-TeamsConn-%s-static-RG", [base, region])),
}

doc(base, region) := {"file": "weu.ps1", "profile": "az", "profile_data": profile_fixtures.az, "variables": vars(base, region)}

test_clean_passes if {
	count(names.deny) == 0 with input as doc("fabrikam", "weu")
}

# --- PX201 ---

test_px201_upper_case_warning if {
	only("PX201", names.deny) == {{
		"id": "PX201", "severity": "warning", "variable": "PxBaseConnName",
		"msg": "$PxBaseConnName \"Fabrikam\" has upper-case letters; the template allows a-z0-9 only, and the storage account names derived from it must be lower case",
		"fix": "$PxBaseConnName = \"fabrikam\"",
	}} with input as doc("Fabrikam", "weu")
}

test_px201_error_shapes_left_to_cue if {
	count(only("PX201", names.deny)) == 0 with input as doc("Fabrikam-Corp", "weu")
	count(only("PX201", names.deny)) == 0 with input as doc("FABRIKAMCORP", "weu")
}

# --- PX203 ---

test_px203_too_long if {
	fs := only("PX203", names.deny) with input as doc("fabrikam", "westeurope")
	some f in fs
	f.variable == "PxBaseConnName"
	f.msg == "$PxBaseConnName + $PxVmssRegion is \"fabrikamwesteurope\", 18 characters; together they must be 3 to 14 characters (the VMSS name, and the Windows computer names derived from it)"
	f.fix == "shorten $PxBaseConnName or $PxVmssRegion by 4 characters"
	f.related == [{"file": "weu.ps1", "line": 5, "message": "$PxVmssRegion is \"westeurope\""}]
}

test_px203_too_short if {
	some f in names.deny with input as doc("a", "b")
	f.id == "PX203"
	f.fix == "lengthen $PxBaseConnName or $PxVmssRegion by 1 character"
}

test_px203_skips_broken_parts if {
	# 10 characters is PX201's, an upper-case region PX202's
	count(only("PX203", names.deny)) == 0 with input as doc("fabrikamco", "westeurope")
	count(only("PX203", names.deny)) == 0 with input as doc("fabrikam", "WestEuropeX")
}

# --- PX204 ---

test_px204_invalid_characters_and_period if {
	d := json.patch(doc("fabrikam", "weu"), [
		{"op": "replace", "path": "/variables/PxTeamsConnResourceGroupName/value", "value": "fabrikam TeamsConn/weu-RG"},
		{"op": "replace", "path": "/variables/PxTeamsConnStaticResourceGroupName/value", "value": "fabrikam-static."},
	])
	fs := only("PX204", names.deny) with input as d
	count(fs) == 2
	some f in fs
	f.variable == "PxTeamsConnResourceGroupName"
	f.msg == "$PxTeamsConnResourceGroupName \"fabrikam TeamsConn/weu-RG\" is not a valid resource-group name: it contains \" \" \"/\"; only letters, digits and _ - . ( ) are allowed"
	some g in fs
	g.fix == "$PxTeamsConnStaticResourceGroupName = \"fabrikam-static\""
}

test_px204_too_long if {
	d := json.patch(doc("fabrikam", "weu"), [{"op": "replace", "path": "/variables/PxTeamsConnResourceGroupName/value", "value": concat("", [x | some _ in numbers.range(1, 91); x := "a"])}])
	some f in names.deny with input as d
	f.id == "PX204"
	endswith(f.msg, "it is 91 characters, at most 90 are allowed")
}

test_px204_skips_owned_problems if {
	# a literal "$(" is PX003's; a base name with a space is PX201's
	d := json.patch(doc("fabrikam", "weu"), [{"op": "replace", "path": "/variables/PxTeamsConnResourceGroupName/value", "value": "$($PxBaseConnName)-RG"}])
	count(only("PX204", names.deny)) == 0 with input as d
	count(only("PX204", names.deny)) == 0 with input as doc("fab rikam", "weu")
}

# --- PX205 ---

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

# --- PX208 ---

test_px208_generic_per_profile if {
	some f in names.deny with input as doc("pexip", "weu")
	f.id == "PX208"
	f.msg == "$PxBaseConnName \"pexip\" is a generic name: the bot name pexip-TeamsBot derived from it is global in Azure and very likely taken already"
	some g in names.deny with input as json.patch(doc("test1", "weu"), [{"op": "replace", "path": "/profile", "value": "azurerm"}, {"op": "replace", "path": "/profile_data/bot_names", "value": ["{base}-Trusted-TeamsBot", "{base}-Guest-TeamsBot"]}])
	g.id == "PX208"
	contains(g.msg, "test1-Trusted-TeamsBot and test1-Guest-TeamsBot")
}

test_px208_configured_list if {
	d := object.union(doc("fabrikam", "weu"), {"config": {"rules": {"PX208": {"generic_names": ["fabrikam"]}}}})
	some f in names.deny with input as d
	f.id == "PX208"
	count(only("PX208", names.deny)) == 0 with input as doc("pexipco", "weu")
}

test_px208_regex_characters_in_config_are_literal if {
	d := object.union(doc("fabrikam", "weu"), {"config": {"rules": {"PX208": {"generic_names": ["fab.*"]}}}})
	count(only("PX208", names.deny)) == 0 with input as d
}
