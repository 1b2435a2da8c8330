# METADATA
# title: shared fixtures for the tests of the rules split from policies/px206_repository.rego
package pxlint.lib.repository_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px206.deny

s(v) := {"kind": "string", "quote": "double", "value": v}

me := {
	"file": "regions/weu.ps1",
	"profile_data": {"resource_names": {"vmss": "{base}{region}", "public_ip": "{base}-TeamsConn-{region}-PIP"}},
	"variables": {
		"PxBaseConnName": s("fabrikam"),
		"PxVmssRegion": s("weu"),
		"PxSubscriptionId": s("3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"),
		"PxTeamsConnFqdn": s("teams-weu.fabrikam.net"),
		"PxTeamsConnResourceGroupName": s("fabrikam-TeamsConn-weu-RG"),
		"PxTeamsConnStaticResourceGroupName": s("fabrikam-TeamsConn-weu-static-RG"),
	},
}

neu := {
	"file": "regions/neu.ps1",
	"subscription_id": "3F2C5A1E-8D4B-4C6A-9E1F-2B7D8C9A0E11",
	"teams_conn_fqdn": "teams-neu.fabrikam.net", "teams_conn_fqdn_line": 6,
	"resource_group": "fabrikam-TeamsConn-neu-RG", "resource_group_line": 20,
	"static_resource_group": "fabrikam-TeamsConn-neu-static-RG", "static_resource_group_line": 21,
	"vmss_name": "fabrikamneu", "public_ip_name": "fabrikam-TeamsConn-neu-PIP", "base_conn_name_line": 4,
}

copy := {
	"file": "regions/weu-copy.ps1",
	"subscription_id": "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11",
	"teams_conn_fqdn": "Teams-WEU.fabrikam.net.", "teams_conn_fqdn_line": 6,
	"resource_group": "fabrikam-teamsconn-weu-rg", "resource_group_line": 20,
	"static_resource_group": "fabrikam-TeamsConn-weu-static-RG", "static_resource_group_line": 21,
	"vmss_name": "fabrikamweu", "public_ip_name": "fabrikam-TeamsConn-weu-PIP", "base_conn_name_line": 4,
}
