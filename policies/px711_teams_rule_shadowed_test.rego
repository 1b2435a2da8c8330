package pxlint.rules.px711_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.other_rule
import data.pxlint.lib.infinity_fixtures.samples
import data.pxlint.lib.infinity_fixtures.teams_rule

test_px711_shadowed_some if {
	w := object.union(other_rule, {"priority": 10, "matches": [false, true], "results": ["", "x"]})
	doc := object.union(clean, {"rules": [teams_rule, w]})
	fs := ids("PX711", doc)
	count(fs) == 1
	some f in fs
	f.severity == "warning"
}

test_px711_shadowed_all_is_error if {
	w := object.union(other_rule, {"priority": 10, "matches": [true, true], "results": ["x", "x"]})
	some f in ids("PX711", object.union(clean, {"rules": [teams_rule, w]}))
	f.severity == "error"
}

test_px711_tie if {
	w := object.union(other_rule, {"priority": 40, "matches": [true, false], "results": ["x", ""]})
	some f in ids("PX711", object.union(clean, {"rules": [teams_rule, w]}))
	contains(f.msg, "share priority 40")
}

test_px711_service_alias if {
	doc := object.union(clean, {"samples": [samples[0], object.union(samples[1], {"service": "Board"})]})
	some f in ids("PX711", doc)
	contains(f.msg, "service \"Board\"")
}
