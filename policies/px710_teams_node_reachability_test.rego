package pxlint.rules.px710_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.node

test_px710_private_without_nat if {
	doc := object.union(clean, {"nodes": [node(1, "e1", ""), node(2, "e2", "80.1.1.2")]})
	some f in ids("PX710", doc)
	contains(f.msg, "private address 10.0.0.1")
}

test_px710_outside_prefixes if {
	doc := object.union(clean, {"nodes": [node(1, "e1", "80.1.1.1"), node(2, "e2", "80.9.9.9")]})
	fs := ids("PX710", doc)
	count(fs) == 1
	some f in fs
	f.field == "static_nat_address"
}
