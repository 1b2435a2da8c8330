package pxlint.rules.px702_test

import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.nv
import data.pxlint.lib.infinity_fixtures.teams_rule
import data.pxlint.lib.infinity_fixtures.with_rule

test_px702_empty_template if {
	r := object.union(teams_rule, {"replace_string": "", "results": ["123456789", "123456789@vc.example.org"]})
	fs := ids("PX702", with_rule(r))
	count(fs) == 1
	some f in fs
	contains(f.msg, "passed on unchanged")
	f.field == "replace_string"
}

test_px702_dollar if {
	p := object.union(teams_rule.patterns[0], {"dollar": true})
	r := object.union(teams_rule, {"replace_string": "$1", "results": ["$1", "$1"], "patterns": [p]})
	some f in ids("PX702", with_rule(r))
	contains(f.msg, "$1 is literal")
}

test_px702_not_evaluated if {
	r := object.union(teams_rule, {"evaluated": false})
	count(ids("PX702", with_rule(r))) == 0
	count(nv("PX702", with_rule(r))) == 1
}
