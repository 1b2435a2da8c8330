# METADATA
# title: the az profile's data, as the engine puts it in input.profile_data
# description: |
#   A copy of the catalog, required variables and name patterns of
#   schemas/profiles.cue's az profile for the policy tests (the engine copies the real one into
#   every input). TestProfileFixtureMatchesSchema (rego_test.go) fails when
#   the two drift apart.
package pxlint.lib.profile_fixtures

az := {
	"name": "az",
	"variables": [
		"PxAppCred", "PxAppPassword", "PxAzureLocation", "PxBaseConnName", "PxMgmtSrcAddrPrefixes",
		"PxNodeFqdns", "PxNodesSourceAddressPrefixes", "PxPfxCertFileName", "PxSubscriptionId",
		"PxTeamsConnDiskEncryption", "PxTeamsConnFqdn", "PxTeamsConnIncidentReporting",
		"PxTeamsConnInstanceCount", "PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName",
		"PxVmssRegion", "PxWinAdminCred", "PxWinAdminPassword", "PxWinAdminSecurePassword", "PxWinAdminUser",
	],
	"required": [
		"PxBaseConnName", "PxVmssRegion", "PxTeamsConnFqdn", "PxNodeFqdns", "PxSubscriptionId",
		"PxAzureLocation", "PxTeamsConnInstanceCount", "PxPfxCertFileName",
		"PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName", "PxWinAdminUser",
	],
	"bot_names": ["{base}-TeamsBot"],
	"resource_names": {
		"vmss_resource_group": "{base}-TeamsConn-{region}-RG",
		"static_resource_group": "{base}-TeamsConn-{region}-static-RG",
		"bot_resource_group": "{base}-TeamsBotChan-RG",
		"vmss": "{base}{region}",
		"public_ip": "{base}-TeamsConn-{region}-PIP",
	},
}
