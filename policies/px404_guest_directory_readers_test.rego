package pxlint.rules.px404_test

import data.pxlint.lib.prereq_roles_fixtures.deny_of
import data.pxlint.lib.prereq_roles_fixtures.facts
import data.pxlint.lib.prereq_roles_fixtures.guest
import data.pxlint.lib.prereq_roles_fixtures.inp
import data.pxlint.lib.prereq_roles_fixtures.member
import data.pxlint.lib.prereq_roles_fixtures.nv_of
import data.pxlint.lib.prereq_roles_fixtures.script
import data.pxlint.lib.prereq_roles_fixtures.verified_of

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
