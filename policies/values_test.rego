package pxlint.rules.values_test

import data.pxlint.lib.values_fixtures.full
import data.pxlint.lib.values_fixtures as values

test_full_passes if {
	count(values.deny) == 0 with input as full
}
