package pxlint.rules.px308_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_key_fixtures._ids
import data.pxlint.lib.cert_key_fixtures._nv

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
