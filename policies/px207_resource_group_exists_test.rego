package pxlint.rules.px207_test

import data.pxlint.lib.inventory_rg_fixtures.deny_of
import data.pxlint.lib.inventory_rg_fixtures.inp
import data.pxlint.lib.inventory_rg_fixtures.nv_of
import data.pxlint.lib.inventory_rg_fixtures.other_sub
import data.pxlint.lib.inventory_rg_fixtures.rg
import data.pxlint.lib.inventory_rg_fixtures.script
import data.pxlint.lib.inventory_rg_fixtures.sub
import data.pxlint.lib.inventory_rg_fixtures.verified_of

test_static_rg_exists_is_info if {
	i := inp([rg(sub, "contoso-TeamsConn-emea-static-RG")])
	ds := deny_of(i)
	count(ds) == 1
	some r in ds
	r.severity == "info"
	r.variable == "PxTeamsConnStaticResourceGroupName"
	verified_of(i) == {{"id": "PX207", "source": "inventory"}}
}

test_other_subscription_does_not_count if {
	i := inp([rg(other_sub, "contoso-TeamsConn-emea-RG"), rg(sub, "unrelated")])
	count(deny_of(i)) == 0
	verified_of(i) == {{"id": "PX207", "source": "inventory"}}
}

test_no_inventory_not_verified if {
	i := {"variables": script, "inventory": null}
	count(deny_of(i)) == 0
	count(verified_of(i)) == 0
	some nv in nv_of(i)
	nv.id == "PX207"
	contains(nv.reason, "no Azure inventory")
}
