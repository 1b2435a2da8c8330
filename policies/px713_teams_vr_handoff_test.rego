package pxlint.rules.px713_test

import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.teams_rule
import data.pxlint.lib.infinity_fixtures.with_rule

test_px713_bare_not_routed if {
	r := object.union(teams_rule, {"matches": [false, true], "results": ["", "123456789"]})
	count(ids("PX713", with_rule(r))) == 1
}
