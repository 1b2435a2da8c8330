package pxlint.rules.px403_test

import data.pxlint.lib.prereq_roles_fixtures.deny_of
import data.pxlint.lib.prereq_roles_fixtures.facts
import data.pxlint.lib.prereq_roles_fixtures.inp
import data.pxlint.lib.prereq_roles_fixtures.member
import data.pxlint.lib.prereq_roles_fixtures.nv_of
import data.pxlint.lib.prereq_roles_fixtures.other_sub
import data.pxlint.lib.prereq_roles_fixtures.owner_verified
import data.pxlint.lib.prereq_roles_fixtures.ra
import data.pxlint.lib.prereq_roles_fixtures.rg_scope
import data.pxlint.lib.prereq_roles_fixtures.s
import data.pxlint.lib.prereq_roles_fixtures.script
import data.pxlint.lib.prereq_roles_fixtures.sub
import data.pxlint.lib.prereq_roles_fixtures.verified_of

# --- PX403 -------------------------------------------------------------------

test_owner_on_static_rg_case_insensitive if {
	owner_verified(inp([ra("owner", upper(rg_scope("contoso-teamsconn-emea-static-rg")))]))
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
