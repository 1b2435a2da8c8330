# METADATA
# title: shared fixtures for the tests of the rules split from policies/px2xx_names.rego
package pxlint.lib.names_fixtures

import data.pxlint.lib.profile_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px201.deny | data.pxlint.rules.px203.deny | data.pxlint.rules.px204.deny | data.pxlint.rules.px205.deny | data.pxlint.rules.px208.deny

only(id, findings) := {f | some f in findings; f.id == id}

s(v) := {"kind": "string", "quote": "double", "value": v, "line": 1}

vars(base, region) := {
	"PxBaseConnName": object.union(s(base), {"line": 4}),
	"PxVmssRegion": object.union(s(region), {"line": 5}),
	"PxTeamsConnResourceGroupName": s(sprintf("%s-TeamsConn-%s-RG", [base, region])),
	"PxTeamsConnStaticResourceGroupName": s(sprintf("%s-TeamsConn-%s-static-RG", [base, region])),
}

doc(base, region) := {"file": "weu.ps1", "profile": "az", "profile_data": profile_fixtures.az, "variables": vars(base, region)}
