package pxlint.rules.px714_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.reception

test_px714_no_alias_and_shadowed if {
	v1 := object.union(reception, {"aliases": []})
	count(ids("PX714", object.union(clean, {"receptions": [v1]}))) == 1
	a := object.union(reception.aliases[0], {"shadowed_rules": ["Other"]})
	v2 := object.union(reception, {"aliases": [a]})
	count(ids("PX714", object.union(clean, {"receptions": [v2]}))) == 1
}
