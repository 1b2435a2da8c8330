package pxlint.rules.cert_key_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_key_fixtures as cert_key

test_good_certificate_passes if {
	count(cert_key.deny) == 0 with input as fx.good
	count(cert_key.not_verified) == 0 with input as fx.good
}
