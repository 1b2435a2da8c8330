package pxlint.rules.px207_test

import data.pxlint.lib.inventory_rg_fixtures.deny_of
import data.pxlint.lib.inventory_rg_fixtures.inp
import data.pxlint.lib.inventory_rg_fixtures.nv_of
import data.pxlint.lib.inventory_rg_fixtures.other_sub
import data.pxlint.lib.inventory_rg_fixtures.rg
import data.pxlint.lib.inventory_rg_fixtures.s
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

test_vmss_rg_exists_is_error if {
	ds := deny_of(inp([rg(sub, "CONTOSO-teamsconn-EMEA-rg"), rg(sub, "unrelated")]))
	count(ds) == 1
	some r in ds
	r.variable == "PxTeamsConnResourceGroupName"
	not "severity" in object.keys(r)
	r.source == "inventory"
	contains(r.msg, "CONTOSO-teamsconn-EMEA-rg already exists")
	contains(r.fix, "delete the resource group itself, not only its contents")
	count(verified_of(inp([rg(sub, "CONTOSO-teamsconn-EMEA-rg")]))) == 0
}

test_subscription_case_insensitive if {
	i := object.union(inp([rg(sub, "contoso-TeamsConn-emea-RG")]), {"variables": {"PxSubscriptionId": s(upper(sub))}})
	count(deny_of(i)) == 1
}

test_inventory_of_other_subscription_not_verified if {
	i := inp([rg(other_sub, "x")])
	count(deny_of(i)) == 0
	count(verified_of(i)) == 0
	some nv in nv_of(i)
	contains(nv.reason, sprintf("lists no resource group of subscription %s (it lists 1 of %s)", [sub, other_sub]))
}

test_subscription_unknown_not_verified if {
	i := object.union(inp([rg(sub, "x")]), {"variables": {"PxSubscriptionId": {"kind": "unknown"}}})
	count(deny_of(i)) == 0
	some nv in nv_of(i)
	contains(nv.reason, "$PxSubscriptionId is not known")
}
