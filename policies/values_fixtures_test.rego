# METADATA
# title: shared fixtures for the tests of the rules split from policies/px5xx_values.rego
package pxlint.lib.values_fixtures

import data.pxlint.lib.profile_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px501.deny | data.pxlint.rules.px503.deny | data.pxlint.rules.px505.deny | data.pxlint.rules.px506.deny | data.pxlint.rules.px508.deny

# --- PX506 ---

secret := {"kind": "secret", "line": 12, "secret": {"literal": true, "length": 14, "upper": true, "lower": true, "digit": true}}

only(id, findings) := {f | some f in findings; f.id == id}

s(v) := {"kind": "string", "quote": "double", "value": v, "line": 3}

full := {
	"file": "weu.ps1",
	"profile_data": profile_fixtures.az,
	"context": {"in_git_work_tree": true},
	"variables": {
		"PxBaseConnName": s("fabrikam"),
		"PxVmssRegion": s("weu"),
		"PxTeamsConnFqdn": s("teams-weu.fabrikam.net"),
		"PxNodeFqdns": s("conf01.fabrikam.net,conf02.fabrikam.net"),
		"PxSubscriptionId": s("3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"),
		"PxAzureLocation": s("westeurope"),
		"PxWinAdminUser": s("pexadmin"),
		"PxTeamsConnInstanceCount": s("2"),
		"PxPfxCertFileName": s("teams.pfx"),
		"PxTeamsConnResourceGroupName": s("fabrikam-TeamsConn-weu-RG"),
		"PxTeamsConnStaticResourceGroupName": s("fabrikam-TeamsConn-weu-static-RG"),
	},
}

set(name, v) := json.patch(full, [{"op": "add", "path": sprintf("/variables/%s", [name]), "value": v}])
