package pxlint.rules.px707_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.connector
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.node
import data.pxlint.lib.infinity_fixtures.nv

test_px707_node_not_listed if {
	doc := object.union(clean, {"scripts": [object.union(clean.scripts[0], {"node_fqdns": ["e1.vc.example.org"]})]})
	fs := ids("PX707", doc)
	count(fs) == 1
	some f in fs
	contains(f.msg, "e2.vc.example.org")
	contains(f.msg, "Call Routing Rule \"Teams\" and Virtual Reception \"Teams IVR\"")
}

test_px707_pool_name_passes if {
	n := object.union(node(2, "e2", "80.1.1.2"), {"pool_names": ["e1.vc.example.org"]})
	doc := object.union(clean, {"nodes": [node(1, "e1", "80.1.1.1"), n], "scripts": [object.union(clean.scripts[0], {"node_fqdns": ["e1.vc.example.org"]})]})
	count(ids("PX707", doc)) == 0
}

test_px707_unknown_node_list_not_verified if {
	doc := object.union(clean, {"scripts": [object.union(clean.scripts[0], {"node_fqdns": [], "unknown": ["PxNodeFqdns"]})]})
	count(ids("PX707", doc)) == 0
	count(nv("PX707", doc)) == 1
}

test_px707_no_scripts_not_verified if {
	doc := object.union(clean, {"scripts_given": false, "scripts": [], "connectors": [object.union(connector, {"script": ""})]})
	count(ids("PX707", doc)) == 0
	count(nv("PX707", doc)) == 1
}
