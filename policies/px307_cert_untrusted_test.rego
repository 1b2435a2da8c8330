package pxlint.rules.px307_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_chain_fixtures._broken
import data.pxlint.lib.cert_chain_fixtures._ids

test_px307_self_signed if {
	count(_ids("PX307", _broken("self_signed"))) == 1
	count(_ids("PX306", _broken("self_signed"))) == 0
}

test_px307_untrusted_root if count(_ids("PX307", _broken("untrusted_root"))) == 1

test_px307_built_passes if count(_ids("PX307", fx.good)) == 0
