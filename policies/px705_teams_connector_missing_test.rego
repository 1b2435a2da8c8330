package pxlint.rules.px705_test

import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.teams_rule
import data.pxlint.lib.infinity_fixtures.with_rule

test_px705_no_connector if {
	r := object.union(teams_rule, {"teams_proxy": "", "routes": [{"location": "system_location/2", "location_name": "Empty", "connector": ""}]})
	fs := ids("PX705", with_rule(r))
	count(fs) == 1
	some f in fs
	contains(f.msg, "\"Empty\"")
}

test_px705_automatic_some_locations_warn if {
	r := object.union(teams_rule, {"teams_proxy": "", "outgoing_location": "", "automatic": true, "routes": [
		{"location": "system_location/1", "location_name": "Edge", "connector": "teams_proxy/1"},
		{"location": "system_location/2", "location_name": "Empty", "connector": ""},
	]})
	some f in ids("PX705", with_rule(r))
	f.severity == "warning"
}
