package pxlint.rules.px508_test

import data.pxlint.lib.values_fixtures.set
import data.pxlint.lib.values_fixtures.s
import data.pxlint.rules.px508

test_px508_full_passes if {
	count(px508.deny) == 0 with input as data.pxlint.lib.values_fixtures.full
}

test_px508_fqdn_is_a_node if {
	doc := set("PxTeamsConnFqdn", s("CONF02.fabrikam.net"))
	some f in px508.deny with input as doc
	f.id == "PX508"
	f.related == [{"file": "weu.ps1", "line": 3, "message": "the node names"}]
}
