package pxlint.rules.px201_test

import data.pxlint.lib.names_fixtures as names
import data.pxlint.lib.names_fixtures.doc
import data.pxlint.lib.names_fixtures.only

test_px201_upper_case_warning if {
	only("PX201", names.deny) == {{
		"id": "PX201", "severity": "warning", "variable": "PxBaseConnName",
		"msg": "$PxBaseConnName \"Fabrikam\" has upper-case letters; the template allows a-z0-9 only, and the storage account names derived from it must be lower case",
		"fix": "$PxBaseConnName = \"fabrikam\"",
	}} with input as doc("Fabrikam", "weu")
}

test_px201_error_shapes_left_to_cue if {
	count(only("PX201", names.deny)) == 0 with input as doc("Fabrikam-Corp", "weu")
	count(only("PX201", names.deny)) == 0 with input as doc("FABRIKAMCORP", "weu")
}
