package rules

import "github.com/pxlint/pxlint/lint/finding"

// PX6xx: the deployment call (policies/px6xx_deployment.rego) and redeploy
// safety (PX602: lint/plan compares, lint/against.go reads the earlier version).
func init() {
	Register(
		Rule{
			ID:       "PX601",
			Name:     "deployment-arguments",
			Title:    "create_vmss_deployment.ps1 call disagrees with the variables",
			Severity: finding.SeverityWarning,
			Description: "When the script invokes `create_vmss_deployment.ps1`: a parameter is fed from a " +
				"different variable than the one that feeds it (`-PexipSourceAddressPrefixes " +
				"$PxMgmtSrcAddrPrefixes`), a literal contradicts the variables (`-VmssName \"fabrikamneu\"` in the " +
				"weu script), a mandatory parameter is missing, or a variable the script sets is not passed at " +
				"all, so its default is deployed. Any `*create_vmss_deployment.ps1` is the call (the vendor's own " +
				"scripts run `.\\newcreate_vmss_deployment.ps1`); parameters of variables declared in `.pxlint.hcl` " +
				"with `parameter` are checked too. Without a call in the script the rule is not_verified (\"no call " +
				"of create_vmss_deployment.ps1 in this script\"): a deploy wrapper that dot-sources the variables " +
				"file makes the call and is judged with them.",
			Prevents:    "a correct script deploying the wrong thing",
			Remediation: "Pass each parameter from its variable, as the template does (`-PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes`).",
			Bad:         ".\\create_vmss_deployment.ps1 ... -PexipSourceAddressPrefixes $PxMgmtSrcAddrPrefixes",
			Good:        ".\\create_vmss_deployment.ps1 ... -PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes",
			Engine:      EngineRego,
			Needs: []string{"PxSubscriptionId", "PxTeamsConnResourceGroupName", "PxBaseConnName", "PxVmssRegion",
				"PxPfxCertFileName", "PxTeamsConnFqdn", "PxNodeFqdns", "PxTeamsConnInstanceCount",
				"PxTeamsConnStaticResourceGroupName", "PxTeamsConnIncidentReporting", "PxTeamsConnDiskEncryption",
				"PxMgmtSrcAddrPrefixes", "PxNodesSourceAddressPrefixes"},
		},
		Rule{
			ID:       "PX602",
			Name:     "redeploy-identity-change",
			Title:    "change makes the next run a new deployment",
			Severity: finding.SeverityWarning,
			Description: "Compared with an earlier version of the same regional script (`pxlint lint --against REF`, " +
				"for example `origin/main` in a pull request, or `pxlint diff OLD NEW`): the base name, region tag, " +
				"subscription, VMSS or static resource group name, Teams Connector FQDN or Azure location changed. " +
				"Each names the deployment, so the next run creates a new one (new public IP, DNS record, " +
				"certificate name and admin consent) instead of upgrading the existing one, and leaves the old " +
				"resources behind. Changes that are normal in an upgrade (instance count, source prefixes, " +
				"certificate file, node FQDNs) are listed by `pxlint diff`, not reported. Without an earlier " +
				"version the rule is not verified; a script that did not exist at REF is a new deployment and passes.",
			Prevents:    "an upgrade that silently becomes a second deployment; orphaned resources; broken DNS and consent",
			Remediation: "Keep the identity values of the existing deployment when upgrading. To move or rename it, deploy the new one deliberately, repoint DNS and consent, then delete the old resource groups.",
			Bad:         "# at origin/main: $PxVmssRegion = \"weu\"\n$PxVmssRegion = \"westeu\"",
			Good:        "# at origin/main: $PxVmssRegion = \"weu\"\n$PxVmssRegion = \"weu\"\n$PxTeamsConnInstanceCount = \"3\"   # an upgrade may change this",
			Engine:      EngineGo,
			Needs: []string{"PxBaseConnName", "PxVmssRegion", "PxSubscriptionId", "PxTeamsConnResourceGroupName",
				"PxTeamsConnStaticResourceGroupName", "PxTeamsConnFqdn", "PxAzureLocation"},
		},
	)
}
