package pxlint.rules.px704_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.other_rule
import data.pxlint.lib.infinity_fixtures.teams_rule
import data.pxlint.lib.infinity_fixtures.with_rule

test_px704_no_teams_rule if {
	doc := object.union(clean, {"rules": [other_rule]})
	fs := ids("PX704", doc)
	count(fs) == 1
	some f in fs
	contains(f.msg, "123456789@vc.example.org")
}

test_px704_registered_only_warns if {
	r := object.union(teams_rule, {"match_incoming_only_if_registered": true, "match_string_full": true})
	fs := ids("PX704", with_rule(r))
	count(fs) == 2
	every f in fs {
		f.severity == "warning"
	}
}
