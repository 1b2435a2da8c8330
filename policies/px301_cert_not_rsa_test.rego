package pxlint.rules.px301_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_key_fixtures._ids
import data.pxlint.lib.cert_key_fixtures._nv

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

test_px301_unknown_file_name_not_verified if {
	inp := object.union(fx.input_with(null, []), {"variables": {"PxPfxCertFileName": {"kind": "unknown", "reason": "Join-Path needs execution"}}})
	some reason in _nv("PX301", inp)
	contains(reason, "cannot be evaluated statically")
}
