package pxlint.rules.px206_test

import data.pxlint.lib.repository_fixtures as repository
import data.pxlint.lib.repository_fixtures.copy
import data.pxlint.lib.repository_fixtures.me
import data.pxlint.lib.repository_fixtures.neu

test_distinct_regions_pass if {
	count(repository.deny) == 0 with input as object.union(me, {"repository": [neu, object.union(neu, {"file": "regions/weu.ps1", "resource_group": "fabrikam-TeamsConn-weu-RG"})]})
}

test_copy_collides if {
	fs := repository.deny with input as object.union(me, {"repository": [neu, copy]})
	{f.variable | some f in fs} == {"PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName", "PxBaseConnName", "PxTeamsConnFqdn"}
	some f in fs
	f.variable == "PxBaseConnName"
	f.msg == "regions/weu-copy.ps1 deploys to the same subscription and also uses the VMSS name \"fabrikamweu\" and the public IP name \"fabrikam-TeamsConn-weu-PIP\": one regional deployment would overwrite the other"
	f.related == [
		{"file": "regions/weu-copy.ps1", "line": 4, "message": "also the VMSS name \"fabrikamweu\""},
		{"file": "regions/weu-copy.ps1", "line": 4, "message": "also the public IP name \"fabrikam-TeamsConn-weu-PIP\""},
	]
	some g in fs
	g.variable == "PxTeamsConnResourceGroupName"
	g.related == [{"file": "regions/weu-copy.ps1", "line": 20, "message": "also the resource group \"fabrikam-TeamsConn-weu-RG\" (its VMSS resource group)"}]
}

test_other_subscription_only_fqdn if {
	other := object.union(copy, {"subscription_id": "11111111-2222-3333-4444-555555555555"})
	fs := repository.deny with input as object.union(me, {"repository": [other]})
	count(fs) == 1
	some f in fs
	f.variable == "PxTeamsConnFqdn"
	f.related == [{"file": "regions/weu-copy.ps1", "line": 6, "message": "also the Teams Connector FQDN \"teams-weu.fabrikam.net\""}]
}

test_cross_role_resource_group if {
	other := object.union(neu, {"static_resource_group": "fabrikam-TeamsConn-weu-RG"})
	some f in repository.deny with input as object.union(me, {"repository": [other]})
	f.variable == "PxTeamsConnResourceGroupName"
	contains(f.msg, "(its static resource group)")
}

# Many colliding scripts: one finding per variable, the others named up to
# a cap and listed as related locations up to a cap, so that output grows
# linearly with the number of scripts.
test_many_copies_one_finding_per_variable if {
	copies := [object.union(copy, {"file": sprintf("regions/copy%03d.ps1", [i])}) | some i in numbers.range(1, 40)]
	fs := repository.deny with input as object.union(me, {"repository": copies})
	count(fs) == 4
	some f in fs
	f.variable == "PxTeamsConnResourceGroupName"
	count(f.related) == 10
	f.related[0] == {"file": "regions/copy001.ps1", "line": 20, "message": "also the resource group \"fabrikam-TeamsConn-weu-RG\" (its VMSS resource group)"}
	f.msg == "40 other scripts (regions/copy001.ps1, regions/copy002.ps1, regions/copy003.ps1 and 37 more) deploy to the same subscription and also use the resource group \"fabrikam-TeamsConn-weu-RG\" (its VMSS resource group): one regional deployment would overwrite the other (the first 10 of 40 places are listed as related locations)"
	some g in fs
	g.variable == "PxTeamsConnFqdn"
	count(g.related) == 10
	startswith(g.msg, "40 other scripts (regions/copy001.ps1, regions/copy002.ps1, regions/copy003.ps1 and 37 more) also use the Teams Connector FQDN")
}

test_two_copies_named if {
	copies := [object.union(copy, {"file": sprintf("regions/copy%d.ps1", [i])}) | some i in numbers.range(1, 2)]
	some f in repository.deny with input as object.union(me, {"repository": copies})
	f.variable == "PxBaseConnName"
	f.msg == "2 other scripts (regions/copy1.ps1, regions/copy2.ps1) deploy to the same subscription and also use the VMSS name \"fabrikamweu\" and the public IP name \"fabrikam-TeamsConn-weu-PIP\": one regional deployment would overwrite the other"
	count(f.related) == 4
}
