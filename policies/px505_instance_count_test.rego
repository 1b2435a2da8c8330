package pxlint.rules.px505_test

import data.pxlint.lib.values_fixtures.only
import data.pxlint.lib.values_fixtures.s
import data.pxlint.lib.values_fixtures.set
import data.pxlint.lib.values_fixtures as values

test_px505_over_max if {
	some f in values.deny with input as set("PxTeamsConnInstanceCount", s("25"))
	f.id == "PX505"
	f.severity == "warning"
	startswith(f.msg, "$PxTeamsConnInstanceCount is 25, more than 20 instances")
}

test_px505_configured_and_error_left_to_cue if {
	doc := object.union(set("PxTeamsConnInstanceCount", {"kind": "number", "value": 25}), {"config": {"rules": {"PX505": {"max_instances": 30}}}})
	count(only("PX505", values.deny)) == 0 with input as doc
	count(only("PX505", values.deny)) == 0 with input as set("PxTeamsConnInstanceCount", s("2.5"))
	count(only("PX505", values.deny)) == 0 with input as set("PxTeamsConnInstanceCount", s("0"))
}
