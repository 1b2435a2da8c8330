package pxlint.rules.inventory_rg_test

import data.pxlint.rules.inventory_rg

sub := "4c1b9e2a-7d3f-4e8a-9b6c-2f5e8d1a3c7b"

other_sub := "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"

s(v) := {"kind": "string", "quote": "double", "value": v}

script := {
	"PxSubscriptionId": s(sub),
	"PxTeamsConnResourceGroupName": s("contoso-TeamsConn-emea-RG"),
	"PxTeamsConnStaticResourceGroupName": s("contoso-TeamsConn-emea-static-RG"),
}

rg(subscription, name) := {
	"name": name, "subscription_id": subscription, "location": "westeurope",
	"id": sprintf("/subscriptions/%s/resourceGroups/%s", [subscription, name]),
}

inp(groups) := {"variables": script, "inventory": {"source": "inventory", "resource_groups": groups}}

deny_of(i) := d if {
	d := inventory_rg.deny with input as i
}

nv_of(i) := n if {
	n := inventory_rg.not_verified with input as i
}

verified_of(i) := v if {
	v := inventory_rg.verified with input as i
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

test_subscription_case_insensitive if {
	i := object.union(inp([rg(sub, "contoso-TeamsConn-emea-RG")]), {"variables": {"PxSubscriptionId": s(upper(sub))}})
	count(deny_of(i)) == 1
}

test_no_inventory_not_verified if {
	i := {"variables": script, "inventory": null}
	count(deny_of(i)) == 0
	count(verified_of(i)) == 0
	some nv in nv_of(i)
	nv.id == "PX207"
	contains(nv.reason, "no Azure inventory")
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
