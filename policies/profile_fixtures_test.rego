# METADATA
# title: the az profile's data, as the engine puts it in input.profile_data
# description: |
#   A copy of the catalog and required variables of schemas/profiles.cue's
#   az profile for the policy tests (the engine copies the real one into
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
}
