package pxlint.rules.px405_test

import data.pxlint.lib.prereq_roles_fixtures.deny_of
import data.pxlint.lib.prereq_roles_fixtures.facts
import data.pxlint.lib.prereq_roles_fixtures.inp
import data.pxlint.lib.prereq_roles_fixtures.member
import data.pxlint.lib.prereq_roles_fixtures.nv_of
import data.pxlint.lib.prereq_roles_fixtures.other_sub
import data.pxlint.lib.prereq_roles_fixtures.script
import data.pxlint.lib.prereq_roles_fixtures.verified_of

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
