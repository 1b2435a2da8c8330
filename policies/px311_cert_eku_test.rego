package pxlint.rules.px311_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_key_fixtures._ids

# PX311

test_px311_teams_without_server_auth if {
	some r in _ids("PX311", fx.with_leaf({"ekus": ["clientAuth"]}))
	contains(r.msg, "Server Authentication")
}

test_px311_teams_server_auth_only_passes if {
	count(_ids("PX311", fx.with_leaf({"ekus": ["serverAuth"]}))) == 0
}

test_px311_no_eku_extension_passes if {
	count(_ids("PX311", fx.with_leaf({"ekus": []}))) == 0
}

test_px311_node_needs_client_auth if {
	node := object.union(fx.node_facts, {"leaf": object.union(fx.node_facts.leaf, {"ekus": ["serverAuth"]})})
	some r in _ids("PX311", fx.input_with(fx.facts, [node]))
	contains(r.msg, "Client Authentication")
	contains(r.msg, "node.pem")
	r.variable == "PxNodeFqdns"
}
