package rules

import "github.com/pxlint/pxlint/lint/finding"

// PX6xx: the deployment call (policies/px6xx_deployment.rego).
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
	)
}
