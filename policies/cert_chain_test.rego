package pxlint.rules.cert_chain_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_chain_fixtures as cert_chain
import data.pxlint.lib.cert_chain_fixtures._broken
import data.pxlint.lib.cert_chain_fixtures._ids

test_good_passes if {
	count(cert_chain.deny) == 0 with input as fx.good
	count(cert_chain.not_verified) == 0 with input as fx.good
}

test_weak_signature_chain_is_px308s if {
	count(_ids("PX306", _broken("weak_signature"))) == 0
	count(_ids("PX307", _broken("weak_signature"))) == 0
}
