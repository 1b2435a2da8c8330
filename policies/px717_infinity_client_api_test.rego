package pxlint.rules.px717_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids

test_px717_client_api_off if {
	doc := object.union(clean, {"global": {"at": "x.json#/global/enable_application_api", "enable_application_api": false}})
	count(ids("PX717", doc)) == 1
}
