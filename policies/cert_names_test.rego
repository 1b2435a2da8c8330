package pxlint.rules.cert_names_test

import data.pxlint.lib.cert
import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.rules.cert_names

_ids(id, inp) := {r | some r in cert_names.deny with input as inp; r.id == id}

_nv(id, inp) := {r.reason | some r in cert_names.not_verified with input as inp; r.id == id}

_fqdn(name) := object.union(fx.good, {"variables": object.union(fx.variables, {"PxTeamsConnFqdn": {"kind": "string", "value": name}})})

_nodes(value) := object.union(fx.good, {"variables": object.union(fx.variables, {"PxNodeFqdns": {"kind": "string", "value": value}})})

test_good_passes if {
	count(cert_names.deny) == 0 with input as fx.good
	count(cert_names.not_verified) == 0 with input as fx.good
}

# wildcard edge cases

test_wildcard_covers_one_label if {
	cert.covers("*.example.com", "a.example.com")
	cert.covers("*.Example.COM", "A.example.com")
	cert.covers("teams.example.com", "TEAMS.example.com.")
	not cert.covers("*.example.com", "example.com")
	not cert.covers("*.example.com", "a.b.example.com")
	not cert.covers("*.example.com", ".example.com")
	not cert.covers("a.example.com", "b.example.com")
}

# PX303

test_px303_mismatch_points_at_fqdn if {
	some r in _ids("PX303", _fqdn("teams.other.com"))
	r.variable == "PxTeamsConnFqdn"
	r.cert == "teams.pfx"
	r.fingerprint == "aa11"
	contains(r.msg, "teams.other.com")
}

test_px303_wildcard_passes if {
	inp := object.union(fx.with_leaf({"dns_names": ["*.example.com"]}), {"variables": fx.variables})
	count(_ids("PX303", inp)) == 0
}

test_px303_wildcard_two_labels_fails if {
	inp := object.union(fx.with_leaf({"dns_names": ["*.example.com"]}), {"variables": object.union(fx.variables, {"PxTeamsConnFqdn": {"kind": "string", "value": "a.teams.example.com"}})})
	count(_ids("PX303", inp)) == 1
}

test_px303_cn_only_notes_cn if {
	inp := fx.with_leaf({"dns_names": []})
	some r in _ids("PX303", inp)
	contains(r.msg, "only in the subject CN")
}

test_px303_locked_not_verified if {
	inp := fx.with_teams({"status": "locked", "reason": "certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)", "leaf": null})
	_nv("PX303", inp) == {"certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)"}
	count(_ids("PX303", inp)) == 0
}

test_px303_unknown_fqdn_not_verified if {
	inp := object.union(fx.good, {"variables": object.union(fx.variables, {"PxTeamsConnFqdn": {"kind": "unknown", "reason": "Read-Host"}})})
	count(_nv("PX303", inp)) == 1
}

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
