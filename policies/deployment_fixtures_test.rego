# METADATA
# title: shared fixtures for the tests of the rules split from policies/px6xx_deployment.rego
package pxlint.lib.deployment_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px601.deny

not_verified := data.pxlint.rules.px601.not_verified

s(v) := {"kind": "string", "quote": "double", "value": v, "line": 3}

a(variable, value) := {"kind": "string", "value": value, "variable": variable, "text": sprintf("$%s", [variable])}

lit(value) := {"kind": "string", "value": value, "text": sprintf("\"%v\"", [value])}

p(name, value, line) := {"name": name, "written": name, "value": value, "line": line}

vars := {
	"PxBaseConnName": s("fabrikam"),
	"PxVmssRegion": s("weu"),
	"PxSubscriptionId": s("3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"),
	"PxTeamsConnFqdn": s("teams-weu.fabrikam.net"),
	"PxNodeFqdns": s("conf01.fabrikam.net"),
	"PxPfxCertFileName": s("teams.pfx"),
	"PxTeamsConnInstanceCount": s("2"),
	"PxTeamsConnResourceGroupName": s("fabrikam-TeamsConn-weu-RG"),
	"PxTeamsConnStaticResourceGroupName": s("fabrikam-TeamsConn-weu-static-RG"),
	"PxMgmtSrcAddrPrefixes": {"kind": "array", "value": ["85.10.200.0/28"]},
	"PxNodesSourceAddressPrefixes": {"kind": "array", "value": ["80.213.4.17", "85.10.200.0/28"]},
}

good_params := [
	p("SubscriptionId", a("PxSubscriptionId", "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"), 40),
	p("ResourceGroupName", a("PxTeamsConnResourceGroupName", "fabrikam-TeamsConn-weu-RG"), 41),
	p("VmssName", {"kind": "string", "value": "fabrikamweu", "text": "\"$($PxBaseConnName)$($PxVmssRegion)\""}, 42),
	p("VMAdminCredential", {"kind": "unknown", "variable": "PxWinAdminCred", "text": "$PxWinAdminCred"}, 43),
	p("PfxPath", a("PxPfxCertFileName", "teams.pfx"), 44),
	p("TeamsConnectorFqdn", a("PxTeamsConnFqdn", "teams-weu.fabrikam.net"), 45),
	p("PexipFqdns", a("PxNodeFqdns", "conf01.fabrikam.net"), 46),
	p("instanceCount", a("PxTeamsConnInstanceCount", "2"), 47),
	p("StaticResourcesResourceGroupName", a("PxTeamsConnStaticResourceGroupName", "fabrikam-TeamsConn-weu-static-RG"), 48),
	p("PublicIPAddressResourceName", {"kind": "string", "value": "fabrikam-TeamsConn-weu-PIP", "text": "\"...\""}, 49),
	p("RdpSourceAddressPrefixes", {"kind": "array", "value": ["85.10.200.0/28"], "variable": "PxMgmtSrcAddrPrefixes"}, 50),
	p("PexipSourceAddressPrefixes", {"kind": "array", "value": ["80.213.4.17", "85.10.200.0/28"], "variable": "PxNodesSourceAddressPrefixes"}, 51),
	p("AppCredential", {"kind": "unknown", "variable": "PxAppCred", "text": "$PxAppCred"}, 52),
]

doc(params) := {"profile": "az", "profile_data": {"resource_names": {"vmss": "{base}{region}", "public_ip": "{base}-TeamsConn-{region}-PIP"}}, "variables": vars, "commands": [
	{"name": "Get-Credential", "line": 20, "parameters": []},
	{"name": "create_vmss_deployment.ps1", "line": 39, "parameters": params, "positional": []},
]}

replace(params, name, value) := [q |
	some x in params
	q := _swap(x, name, value)
]

_swap(x, name, value) := object.union(object.remove(x, ["value"]), {"value": value}) if x.name == name

_swap(x, name, _) := x if x.name != name

drop(params, name) := [x | some x in params; x.name != name]
