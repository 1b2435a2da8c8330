package pxlint.rules.prereq_roles_test

import data.pxlint.rules.prereq_roles

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
	all := prereq_roles.deny with input as i
}

nv_of(i, id) := {r | some r in all; r.id == id} if {
	all := prereq_roles.not_verified with input as i
}

verified_of(i) := v if {
	v := prereq_roles.verified with input as i
}

owner_verified(i) if {
	count(deny_of(i, "PX403")) == 0
	{"id": "PX403", "source": "facts"} in verified_of(i)
}

# --- PX403 -------------------------------------------------------------------

test_owner_on_static_rg_case_insensitive if {
	owner_verified(inp([ra("owner", upper(rg_scope("contoso-teamsconn-emea-static-rg")))]))
}

test_owner_on_subscription if {
	owner_verified(inp([ra("Owner", sprintf("/subscriptions/%s/", [sub]))]))
}

test_owner_on_management_group if {
	owner_verified(inp([ra("Owner", "/providers/Microsoft.Management/managementGroups/contoso-root")]))
}

test_owner_on_root_scope if {
	owner_verified(inp([ra("Owner", "/")]))
}

test_contributor_or_owner_elsewhere_fails if {
	roles := [ra("Contributor", sprintf("/subscriptions/%s", [sub])), ra("Owner", rg_scope("contoso-TeamsConn-emea-RG"))]
	ds := deny_of(inp(roles), "PX403")
	count(ds) == 1
	some r in ds
	r.variable == "PxTeamsConnStaticResourceGroupName"
	r.source == "facts"
	contains(r.msg, "ops@contoso.com has no Owner role on the static resource group contoso-TeamsConn-emea-static-RG")
	contains(r.msg, "Contributor at /subscriptions/")
	contains(r.msg, "Forbidden")
	not {"id": "PX403", "source": "facts"} in verified_of(inp(roles))
}

test_owner_in_other_subscription_does_not_count if {
	roles := [ra("Owner", sprintf("/subscriptions/%s", [other_sub]))]
	count(deny_of(inp(roles), "PX403")) == 1
}

test_no_roles_fails if {
	some r in deny_of(inp([]), "PX403")
	contains(r.msg, "it holds: no role assignment")
}

test_no_facts_not_verified if {
	i := {"variables": script, "facts": null}
	count(deny_of(i, "PX403")) == 0
	some nv in nv_of(i, "PX403")
	nv.source == "script"
	contains(nv.reason, "pxlint preflight")
}

test_probe_not_verified if {
	i := {"variables": script, "facts": {"source": "probe", "modules": []}}
	some nv in nv_of(i, "PX403")
	nv.source == "probe"
	contains(nv.reason, "local probe cannot read")
}

test_facts_from_other_subscription_not_verified_unless_owner_found if {
	acc := object.union(member, {"subscription_id": other_sub})
	i := {"variables": script, "facts": facts(acc, [ra("Reader", sprintf("/subscriptions/%s", [other_sub]))])}
	count(deny_of(i, "PX403")) == 0
	some nv in nv_of(i, "PX403")
	contains(nv.reason, "Set-AzContext -Subscription 4c1b9e2a")

	# An Owner assignment that names the script's subscription still decides.
	i2 := {"variables": script, "facts": facts(acc, [ra("Owner", rg_scope("contoso-TeamsConn-emea-static-RG"))])}
	owner_verified(i2)
}

test_static_rg_unknown if {
	i := {"variables": {"PxSubscriptionId": s(sub), "PxTeamsConnStaticResourceGroupName": {"kind": "unknown"}}, "facts": facts(member, [])}
	count(deny_of(i, "PX403")) == 0
	some nv in nv_of(i, "PX403")
	contains(nv.reason, "not known statically")

	# Owner on the subscription covers whatever the name is.
	owner_verified({"variables": i.variables, "facts": facts(member, [ra("Owner", sprintf("/subscriptions/%s", [sub]))])})
}

# --- PX404 -------------------------------------------------------------------

guest(roles) := {"user_principal_name": "ops_partner.com#EXT#@contoso.onmicrosoft.com", "user_type": "Guest", "subscription_id": sub, "directory_roles": roles}

test_member_passes if {
	{"id": "PX404", "source": "facts"} in verified_of(inp([]))
	count(deny_of(inp([]), "PX404")) == 0
}

test_guest_with_directory_readers_passes if {
	i := {"variables": script, "facts": facts(guest(["Directory Readers"]), [])}
	{"id": "PX404", "source": "facts"} in verified_of(i)
	count(deny_of(i, "PX404")) == 0
}

test_guest_without_directory_readers_fails if {
	i := {"variables": script, "facts": facts(guest(["Application Developer"]), [])}
	ds := deny_of(i, "PX404")
	count(ds) == 1
	some r in ds
	not "variable" in object.keys(r)
	not "line" in object.keys(r)
	contains(r.msg, "ops_partner.com#EXT#@contoso.onmicrosoft.com is a guest without the Directory Readers role")
	contains(r.msg, "Insufficient privileges")
}

test_guest_with_unknown_roles_not_verified if {
	acc := object.remove(guest([]), ["directory_roles"])
	i := {"variables": script, "facts": facts(acc, [])}
	count(deny_of(i, "PX404")) == 0
	some nv in nv_of(i, "PX404")
	contains(nv.reason, "do not list its directory roles")
}

test_user_type_unknown_not_verified if {
	i := {"variables": script, "facts": facts(object.remove(member, ["user_type"]), [])}
	some nv in nv_of(i, "PX404")
	nv.source == "facts"
}

# --- PX405 -------------------------------------------------------------------

test_same_subscription_passes if {
	{"id": "PX405", "source": "facts"} in verified_of(inp([]))
}

test_other_subscription_warns if {
	i := {"variables": script, "facts": facts(object.union(member, {"subscription_id": other_sub}), [])}
	ds := deny_of(i, "PX405")
	count(ds) == 1
	some r in ds
	r.severity == "warning"
	r.variable == "PxSubscriptionId"
	contains(r.msg, other_sub)
}

test_subscription_not_verified_without_facts if {
	some nv in nv_of({"variables": script, "facts": null}, "PX405")
	nv.source == "script"
}

test_subscription_unknown if {
	vars := {"PxSubscriptionId": {"kind": "unknown"}, "PxTeamsConnStaticResourceGroupName": s("x-static-RG")}
	acc := object.remove(member, ["subscription_id"])
	i := {"variables": vars, "facts": facts(acc, [ra("Contributor", "/")])}
	count(deny_of(i, "PX403")) == 0
	some nv in nv_of(i, "PX403")
	contains(nv.reason, "subscription is not known")

	# Owner on a management group covers any subscription: a pass, and only that.
	i2 := {"variables": vars, "facts": facts(acc, [ra("Owner", "/providers/Microsoft.Management/managementGroups/root")])}
	owner_verified(i2)
	count(nv_of(i2, "PX403")) == 0
}
