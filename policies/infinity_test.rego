package pxlint.rules.infinity_test

import data.pxlint.lib.infinity_fixtures as infinity
import data.pxlint.lib.infinity_fixtures.clean

test_clean_has_no_findings if {
	count(infinity.deny) == 0 with input as clean
	count(infinity.not_verified) == 0 with input as clean
}
