package pxlint.rules.cert_file_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_file_fixtures as cert_file

test_good_passes if {
	count(cert_file.deny) == 0 with input as fx.good
	count(cert_file.not_verified) == 0 with input as fx.good
}
