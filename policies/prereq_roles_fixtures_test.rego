# METADATA
# title: shared fixtures for the tests of the rules split from policies/prereq_roles.rego
package pxlint.lib.prereq_roles_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px403.deny | data.pxlint.rules.px404.deny | data.pxlint.rules.px405.deny

not_verified := data.pxlint.rules.px403.not_verified | data.pxlint.rules.px404.not_verified | data.pxlint.rules.px405.not_verified

verified := data.pxlint.rules.px403.verified | data.pxlint.rules.px404.verified | data.pxlint.rules.px405.verified

sub := "4c1b9e2a-7d3f-4e8a-9b6c-2f5e8d1a3c7b"

other_sub := "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"

s(v) := {"kind": "string", "quote": "double", "value": v}

script := {
	"PxSubscriptionId": s(upper(sub)),
	"PxTeamsConnStaticResourceGroupName": s("contoso-TeamsConn-emea-static-RG"),
}

facts(account, roles) := {"source": "facts", "account": account, "role_assignments": roles}

member := {"user_principal_name": "ops@contoso.com", "user_type": "Member", "subscription_id": sub, "directory_roles": []}

ra(role, scope) := {"role": role, "scope": scope}

rg_scope(name) := sprintf("/subscriptions/%s/resourceGroups/%s", [sub, name])

inp(roles) := {"variables": script, "facts": facts(member, roles)}

# The policy's results for one input, one rule at a time.
deny_of(i, id) := {r | some r in all; r.id == id} if {
	all := deny with input as i
}

nv_of(i, id) := {r | some r in all; r.id == id} if {
	all := not_verified with input as i
}

verified_of(i) := v if {
	v := verified with input as i
}

owner_verified(i) if {
	count(deny_of(i, "PX403")) == 0
	{"id": "PX403", "source": "facts"} in verified_of(i)
}

# --- PX404 -------------------------------------------------------------------

guest(roles) := {"user_principal_name": "ops_partner.com#EXT#@contoso.onmicrosoft.com", "user_type": "Guest", "subscription_id": sub, "directory_roles": roles}
