package pxlint.rules.names_test

import data.pxlint.lib.names_fixtures as names
import data.pxlint.lib.names_fixtures.doc

test_clean_passes if {
	count(names.deny) == 0 with input as doc("fabrikam", "weu")
}
