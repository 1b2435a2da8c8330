package pxlint.rules.cert_key_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.rules.cert_key

_ids(id, inp) := {r | some r in cert_key.deny with input as inp; r.id == id}

_nv(id, inp) := {r.reason | some r in cert_key.not_verified with input as inp; r.id == id}

test_good_certificate_passes if {
	count(cert_key.deny) == 0 with input as fx.good
	count(cert_key.not_verified) == 0 with input as fx.good
}

# PX301

test_px301_ecdsa_fails if {
	inp := fx.with_teams({"key": {"algorithm": "ECDSA", "bits": 256, "curve": "P-256"}})
	some r in _ids("PX301", inp)
	contains(r.msg, "ECDSA P-256")
	contains(r.msg, "The certificate 'AB12' is an ECDSA certificate")
	r.variable == "PxPfxCertFileName"
	r.cert == "teams.pfx"
	r.fingerprint == "aa11"
}

test_px301_rsa_passes if count(_ids("PX301", fx.good)) == 0

test_px301_node_ecdsa_not_judged if {
	node := object.union(fx.node_facts, {"key": {"algorithm": "ECDSA", "bits": 256}})
	count(_ids("PX301", fx.input_with(fx.facts, [node]))) == 0
}

test_px301_absent_not_verified if {
	inp := fx.with_teams({"status": "absent", "reason": "certificate file teams.pfx not found", "leaf": null, "key": null})
	_nv("PX301", inp) == {"certificate file teams.pfx not found"}
	count(_ids("PX301", inp)) == 0
}

test_px301_no_teams_cert_not_verified if {
	some reason in _nv("PX301", fx.input_with(null, []))
	contains(reason, "$PxPfxCertFileName is not set")
}

# PX302

test_px302_ksp_error if {
	inp := fx.with_teams({"providers": [{"bag": 0, "name": "Microsoft Software Key Storage Provider", "kind": "ksp"}]})
	some r in _ids("PX302", inp)
	r.severity == "error"
	contains(r.msg, "Microsoft Software Key Storage Provider")
	contains(r.msg, "certificate 'AB12'")
}

test_px302_csp_passes if count(_ids("PX302", fx.good)) == 0

test_px302_no_attribute_warning if {
	inp := fx.with_teams({"providers": [{"bag": 1, "name": "", "kind": "none"}]})
	some r in _ids("PX302", inp)
	r.severity == "warning"
	contains(r.msg, "Windows will choose the provider on import")
}

test_px302_every_key_bag_reported if {
	inp := fx.with_teams({"providers": [
		{"bag": 0, "name": "Microsoft Enhanced Cryptographic Provider v1.0", "kind": "csp"},
		{"bag": 1, "name": "Microsoft Software Key Storage Provider", "kind": "ksp"},
		{"bag": 2, "name": "", "kind": "none"},
	]})
	{r.severity | some r in _ids("PX302", inp)} == {"error", "warning"}
	count(_ids("PX302", inp)) == 2
}

test_px302_judged_when_locked if {
	inp := fx.with_teams({"status": "locked", "reason": "certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)", "leaf": null, "key": null, "providers": [{"bag": 0, "name": "Microsoft Software Key Storage Provider", "kind": "ksp"}]})
	count(_ids("PX302", inp)) == 1
	count(_ids("PX301", inp)) == 0
	_nv("PX301", inp) == {"certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)"}
}

test_px302_unreadable_not_verified if {
	inp := fx.with_teams({"status": "unreadable", "reason": "corrupt", "providers": [], "leaf": null})
	count(_nv("PX302", inp)) == 1
}

# PX308

test_px308_small_rsa_fails if {
	inp := fx.with_teams({"key": {"algorithm": "RSA", "bits": 1024}})
	some r in _ids("PX308", inp)
	contains(r.msg, "1024-bit")
}

test_px308_sha1_fails if {
	some r in _ids("PX308", fx.with_leaf({"signature_algorithm": "SHA1-RSA"}))
	contains(r.msg, "SHA1-RSA")
}

test_px308_strong_passes if {
	count(_ids("PX308", fx.with_teams({"key": {"algorithm": "RSA", "bits": 4096}}))) == 0
}

test_px308_nothing_read_not_verified if {
	count(_nv("PX308", fx.input_with(null, []))) == 1
}

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

test_px302_locked_without_visible_key_bag_not_verified if {
	inp := fx.with_teams({"status": "locked", "reason": "certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)", "leaf": null, "key": null, "providers": []})
	_nv("PX302", inp) == {"certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)"}
}

test_px302_read_without_key_bag_not_verified if {
	some reason in _nv("PX302", fx.with_teams({"providers": []}))
	contains(reason, "holds no private key bag")
}

test_px301_unknown_file_name_not_verified if {
	inp := object.union(fx.input_with(null, []), {"variables": {"PxPfxCertFileName": {"kind": "unknown", "reason": "Join-Path needs execution"}}})
	some reason in _nv("PX301", inp)
	contains(reason, "cannot be evaluated statically")
}

# Without any Teams Connector certificate the provider cannot be judged.
test_px302_unknown_file_name_not_verified if {
	inp := object.union(fx.input_with(null, []), {"variables": {"PxPfxCertFileName": {"kind": "unknown", "reason": "Read-Host needs user input"}}})
	some reason in _nv("PX302", inp)
	contains(reason, "cannot be evaluated statically")
}
