package pxlint.rules.px715_test

import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.teams_rule
import data.pxlint.lib.infinity_fixtures.with_rule

test_px715_inconsistent if {
	r := object.union(teams_rule, {"outgoing_protocol": "sip", "live_captions_enabled": "yes"})
	count(ids("PX715", with_rule(r))) == 1
	r2 := object.union(teams_rule, {"live_captions_enabled": "yes", "match_incoming_calls": false})
	count(ids("PX715", with_rule(r2))) == 2
}
