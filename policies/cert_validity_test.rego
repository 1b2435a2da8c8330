package pxlint.rules.cert_validity_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_validity_fixtures as cert_validity

test_good_passes if {
	count(cert_validity.deny) == 0 with input as fx.good
	count(cert_validity.not_verified) == 0 with input as fx.good
}
