package pxlint.rules.px708_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.node

test_px708_empty_location if {
	doc := object.union(clean, {"locations": [object.union(clean.locations[0], {"nodes": []})]})
	some f in ids("PX708", doc)
	not f.severity
}

test_px708_maintenance_and_mixed if {
	n1 := object.union(node(1, "e1", "80.1.1.1"), {"maintenance_mode": true, "node_type": "CONFERENCING"})
	n2 := object.union(node(2, "e2", "80.1.1.2"), {"maintenance_mode": true})
	fs := ids("PX708", object.union(clean, {"nodes": [n1, n2]}))
	count(fs) == 2
}
