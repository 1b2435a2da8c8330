package pxlint.rules.px306_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_chain_fixtures._broken
import data.pxlint.lib.cert_chain_fixtures._ids

test_px306_missing_intermediate if {
	some r in _ids("PX306", _broken("missing_intermediate"))
	r.variable == "PxPfxCertFileName"
	count(_ids("PX307", _broken("missing_intermediate"))) == 0
}

test_px306_built_passes if count(_ids("PX306", fx.good)) == 0
