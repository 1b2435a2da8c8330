# METADATA
# title: shared fixtures for the PX5xx value rules' tests
package pxlint.lib.values_fixtures

only(id, findings) := {f | some f in findings; f.id == id}

s(v) := {"kind": "string", "quote": "double", "value": v, "line": 3}

full := {
	"file": "weu.ps1",
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
