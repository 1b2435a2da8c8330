package pxlint.rules.px502_test

import data.pxlint.lib.values_fixtures.only
import data.pxlint.lib.values_fixtures.s
import data.pxlint.lib.values_fixtures.set
import data.pxlint.lib.values_fixtures as values

test_px502_node_names if {
	doc := set("PxNodeFqdns", s("https://conf01.fabrikam.net/admin,conf_02.fabrikam.net,10.1.2.3,conf03.fabrikam.net:443"))
	fs := only("PX502", values.deny) with input as doc
	count(fs) == 4
	some f in fs
	f.msg == "\"https://conf01.fabrikam.net/admin\" in $PxNodeFqdns is not a DNS name: remove the scheme (https://...)"
	f.fix == "$PxNodeFqdns = \"conf01.fabrikam.net,conf_02.fabrikam.net,10.1.2.3,conf03.fabrikam.net:443\""
	some g in fs
	g.msg == "\"conf_02.fabrikam.net\" in $PxNodeFqdns is not a DNS name: underscores are not allowed in host names"
	not g.fix
}

test_px502_long_label if {
	long := concat("", [x | some _ in numbers.range(1, 64); x := "a"])
	some f in values.deny with input as set("PxNodeFqdns", s(sprintf("%s.fabrikam.net", [long])))
	f.id == "PX502"
	endswith(f.msg, "a label is over 63 characters")
}

test_px502_node_names_match_the_cue_fqdn_shape if {
	msgs := {r.msg | some r in only("PX502", values.deny)} with input as set("PxNodeFqdns", s("conf01.example.com.,conf02"))
	some m1 in msgs
	contains(m1, "remove the trailing dot")
	some m2 in msgs
	contains(m2, "single label")
}
