package pxlint.rules.px204_test

import data.pxlint.lib.names_fixtures as names
import data.pxlint.lib.names_fixtures.doc
import data.pxlint.lib.names_fixtures.only

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

# The one-regex test of a valid name agrees with the problems it skips:
# lengths at the limit (in code points), the allowed punctuation, letters
# beyond ASCII, a trailing period and characters Azure rejects.
test_px204_valid_agrees_with_problems if {
	a89 := concat("", ["é" | some _ in numbers.range(1, 89)])
	names_to_judge := [
		"fabrikam-TeamsConn-weu-RG", "a", ".", "a.", "a.b", "(rg)_x-y.z", "Ünïcødé-RG", "rg name", "rg/x", "rg$",
		a89, concat("", [a89, "b"]), concat("", [a89, "bc"]), concat("", [a89, "."]),
	]
	every v in names_to_judge {
		regex.match(data.pxlint.rules.px204._valid, v) == (count(data.pxlint.rules.px204._rg_problems(v)) == 0)
	}
}
