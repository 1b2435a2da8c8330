package pxlint.rules.prereq_roles_test

import data.pxlint.lib.prereq_roles_fixtures.inp
import data.pxlint.lib.prereq_roles_fixtures.owner_verified
import data.pxlint.lib.prereq_roles_fixtures.ra
import data.pxlint.lib.prereq_roles_fixtures.sub

test_owner_on_subscription if {
	owner_verified(inp([ra("Owner", sprintf("/subscriptions/%s/", [sub]))]))
}

test_owner_on_management_group if {
	owner_verified(inp([ra("Owner", "/providers/Microsoft.Management/managementGroups/contoso-root")]))
}

test_owner_on_root_scope if {
	owner_verified(inp([ra("Owner", "/")]))
}
