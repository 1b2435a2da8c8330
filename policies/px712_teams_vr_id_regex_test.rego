package pxlint.rules.px712_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.reception

test_px712_rejects_and_changes if {
	v := object.union(reception, {"ids": [
		{"id": "123456789", "matched": false, "result": "", "post_matched": true, "post_result": ""},
		{"id": "1234567890", "matched": true, "result": "x", "post_matched": true, "post_result": "x"},
	]})
	fs := ids("PX712", object.union(clean, {"receptions": [v]}))
	count(fs) == 2
}
