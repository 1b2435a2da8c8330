package pxlint.rules.px703_test

import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.teams_rule
import data.pxlint.lib.infinity_fixtures.with_rule

test_px703_invalid_and_template if {
	p := object.union(teams_rule.patterns[0], {"kind": "invalid", "problems": ["bad escape \\z"], "template_error": "invalid group reference 2"})
	r := object.union(teams_rule, {"patterns": [p], "evaluated": false})
	fs := ids("PX703", with_rule(r))
	count(fs) == 2
}

test_px703_backtracking_is_warning if {
	p := object.union(teams_rule.patterns[0], {"kind": "backtracking", "problems": ["a lookahead (?=…)"]})
	r := object.union(teams_rule, {"patterns": [p], "evaluated": false})
	some f in ids("PX703", with_rule(r))
	f.severity == "warning"
	contains(f.msg, "not verified")
}

test_px703_mistake if {
	p := object.union(teams_rule.patterns[0], {"mistakes": ["Python has no POSIX classes"]})
	r := object.union(teams_rule, {"patterns": [p]})
	count(ids("PX703", with_rule(r))) == 1
}
