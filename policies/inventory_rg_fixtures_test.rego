# METADATA
# title: shared fixtures for the tests of the rules split from policies/inventory_rg.rego
package pxlint.lib.inventory_rg_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px207.deny

not_verified := data.pxlint.rules.px207.not_verified

verified := data.pxlint.rules.px207.verified

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
	d := deny with input as i
}

nv_of(i) := n if {
	n := not_verified with input as i
}

verified_of(i) := v if {
	v := verified with input as i
}
