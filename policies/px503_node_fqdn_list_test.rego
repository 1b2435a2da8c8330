package pxlint.rules.px503_test

import data.pxlint.lib.values_fixtures.only
import data.pxlint.lib.values_fixtures.s
import data.pxlint.lib.values_fixtures.set
import data.pxlint.lib.values_fixtures as values

test_px503_array_is_error if {
	doc := set("PxNodeFqdns", {"kind": "array", "value": ["conf01.fabrikam.net", "conf02.fabrikam.net"], "line": 7})
	only("PX503", values.deny) == {{
		"id": "PX503", "severity": "error", "variable": "PxNodeFqdns",
		"msg": "$PxNodeFqdns is an array of 2 names; create_vmss_deployment.ps1 expects one comma-separated string",
		"fix": "$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
	}} with input as doc
}

test_px503_list_warnings if {
	doc := set("PxNodeFqdns", s("conf01.fabrikam.net, conf02.fabrikam.net,,CONF01.fabrikam.net"))
	only("PX503", values.deny) == {{
		"id": "PX503", "severity": "warning", "variable": "PxNodeFqdns",
		"msg": "$PxNodeFqdns has empty entries, spaces around commas, duplicate names (conf01.fabrikam.net)",
		"fix": "$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
	}} with input as doc
}

# A name is a duplicate of any earlier one, whatever its case: each
# duplicate is named once, and the fix keeps the first spelling of each
# name in its place.
test_px503_duplicates_keep_first_spelling if {
	doc := set("PxNodeFqdns", s("a.fabrikam.net,B.fabrikam.net,A.fabrikam.net,c.fabrikam.net,b.FABRIKAM.net,a.fabrikam.net"))
	only("PX503", values.deny) == {{
		"id": "PX503", "severity": "warning", "variable": "PxNodeFqdns",
		"msg": "$PxNodeFqdns has duplicate names (a.fabrikam.net, b.fabrikam.net)",
		"fix": "$PxNodeFqdns = \"a.fabrikam.net,B.fabrikam.net,c.fabrikam.net\"",
	}} with input as doc
}

# Each list problem on its own: a part of nothing but spaces is an empty
# entry, not spaces around commas, and one name with spaces is no list.
test_px503_each_problem_alone if {
	msgs := {
		"a.fabrikam.net, b.fabrikam.net": "$PxNodeFqdns has spaces around commas",
		"a.fabrikam.net,,b.fabrikam.net": "$PxNodeFqdns has empty entries",
		"a.fabrikam.net, ,b.fabrikam.net": "$PxNodeFqdns has empty entries",
	}
	every v, msg in msgs {
		{f.msg | some f in only("PX503", values.deny)} == {msg} with input as set("PxNodeFqdns", s(v))
	}
	count(only("PX503", values.deny)) == 0 with input as set("PxNodeFqdns", s(" a.fabrikam.net "))
}
