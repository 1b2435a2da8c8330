package pxlint.rules.px309_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_names_fixtures._ids
import data.pxlint.lib.cert_names_fixtures._nodes
import data.pxlint.lib.cert_names_fixtures._nv

# PX309

test_px309_uncovered_node if {
	rs := _ids("PX309", _nodes("a.nodes.example.com, x.other.com ,b.nodes.example.com"))
	count(rs) == 1
	some r in rs
	r.variable == "PxNodeFqdns"
	contains(r.msg, "\"x.other.com\"")
}

test_px309_all_covered_passes if count(_ids("PX309", fx.good)) == 0

test_px309_wildcard_does_not_cover_deeper if {
	count(_ids("PX309", _nodes("a.b.nodes.example.com"))) == 1
}

test_px309_several_node_certs if {
	other := object.union(fx.node_facts, {"path": "edge.pem", "leaf": object.union(fx.leaf, {"dns_names": ["edge.other.com"]})})
	inp := object.union(fx.input_with(fx.facts, [fx.node_facts, other]), {"variables": object.union(fx.variables, {"PxNodeFqdns": {"kind": "string", "value": "a.nodes.example.com,edge.other.com"}})})
	count(_ids("PX309", inp)) == 0
}

test_px309_no_node_cert_not_verified if {
	_nv("PX309", fx.input_with(fx.facts, [])) == {"no --node-cert given"}
	count(_ids("PX309", fx.input_with(fx.facts, []))) == 0
}
