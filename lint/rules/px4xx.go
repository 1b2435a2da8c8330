package rules

import "github.com/pxlint/pxlint/lint/finding"

// PX4xx: workstation prerequisites, from the script, a facts file (the
// script `pxlint preflight` prints) or the local probe; and PX207, which
// reads the Azure inventory beside them. Logic: policies/prereq_*.rego and
// policies/inventory_rg.rego; readers: lint/facts. Each result names its
// source ("script", "facts", "probe", "inventory"), which becomes
// RuleStatus.Source. PX405 is not in the catalog: a facts file from another
// subscription makes PX403's verdict meaningless, which deserves its own
// (warning) rule rather than a second severity of PX403.
func init() {
	Register(
		Rule{
			ID:       "PX207",
			Name:     "resource-group-exists",
			Title:    "Resource group already exists in Azure",
			Severity: finding.SeverityError,
			Levels:   []finding.Severity{finding.SeverityError, finding.SeverityInfo},
			Description: "With an Azure inventory (`--inventory`: `az group list -o json` or " +
				"`Get-AzResourceGroup | ConvertTo-Json`), the resource groups of the script's " +
				"`$PxSubscriptionId` (matched on their resource IDs) are compared with the script's, " +
				"case-insensitively as Azure does. Error: the VMSS resource group already exists, typically " +
				"left behind after its contents were deleted. Info: the static resource group exists, as " +
				"expected on upgrade. Without an inventory, or with one of another subscription, the rule is " +
				"not verified.",
			Prevents: "\"Web space with name <name> already exists\"",
			Remediation: "Delete the VMSS resource group itself, not only its contents " +
				"(`Remove-AzResourceGroup -Name <name>` or `az group delete --name <name>`), then redeploy.",
			Bad:    "# rgs.json lists fabrikam-TeamsConn-weu-RG in the script's subscription\n$PxTeamsConnResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\"",
			Good:   "# the VMSS resource group was deleted: rgs.json no longer lists it\n$PxTeamsConnResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\"",
			Engine: EngineRego,
			Needs:  []string{"PxSubscriptionId", "PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName"},
		},
		Rule{
			ID:       "PX401",
			Name:     "az-version",
			Title:    "Az version that will load is not the pinned, working one",
			Severity: finding.SeverityError,
			Levels:   []finding.Severity{finding.SeverityError, finding.SeverityWarning},
			Description: "Judges the Az version the deployment will load (az profile only). From the script: " +
				"`#Requires -Modules`, `Install-Module` and `Import-Module` of `Az` or `Az.Resources` with " +
				"`-RequiredVersion`, `-MinimumVersion`, `-MaximumVersion`; from the facts: the installed " +
				"versions (several side by side are normal; without a pin PowerShell loads the newest). " +
				"Error: a pin to another version than the release needs (4.5.0 by default, `az_version` in the " +
				"config), a pinned version that is not installed, a minimum version that admits Az 4.6, or an " +
				"unpinned load whose newest installed Az is 4.6.0/4.6.1 (Az.Resources 2.5.0). Warning: nothing " +
				"pins the version and nothing shows what will load, or the newest installed is another version.",
			Prevents: "\"Template parameter JToken type is not valid\"",
			Remediation: "Pin the version at the top of the script: `#Requires -Modules @{ ModuleName=\"Az\"; " +
				"RequiredVersion=\"4.5.0\" }`, and install it side by side: `Install-Module -Name Az " +
				"-RequiredVersion 4.5.0 -Scope CurrentUser -AllowClobber`.",
			Bad:    "Import-Module Az -MinimumVersion 4.0.0",
			Good:   "#Requires -Modules @{ ModuleName=\"Az\"; RequiredVersion=\"4.5.0\" }",
			Engine: EngineRego,
		},
		Rule{
			ID:       "PX402",
			Name:     "culture",
			Title:    "Workstation culture is not en-US",
			Severity: finding.SeverityError,
			Description: "The deployment needs the en-US culture. Error: the facts (or the local probe) show " +
				"another culture. Pass: they show en-US, or the script stops unless the culture is en-US " +
				"(`if ((Get-Culture).Name -ne 'en-US') { throw ... }`). Otherwise not verified.",
			Prevents:    "\"Failed to add 'Storage Account Key Operator Service Role'\"",
			Remediation: "Run `Set-Culture -CultureInfo en-US`, then open a new PowerShell window; add the guard to the script.",
			Bad:         "# facts.json: \"culture\": \"de-DE\", and no guard in the script",
			Good:        "if ((Get-Culture).Name -ne 'en-US') { throw 'Run Set-Culture -CultureInfo en-US first' }",
			Engine:      EngineRego,
		},
		Rule{
			ID:       "PX403",
			Name:     "owner-role",
			Title:    "Deploying identity lacks Owner on the static resource group",
			Severity: finding.SeverityError,
			Description: "From the facts' role assignments (including those held through groups and inherited): " +
				"Owner at the static resource group, the subscription or any management group satisfies the " +
				"rule; scopes compare case-insensitively. Not verified without facts, with the probe only, or " +
				"when the facts were read in another subscription (see PX405).",
			Prevents:    "\"Add-AzKeyVaultManagedStorageAccount : ... 'Forbidden'\"",
			Remediation: "Have an Owner of the subscription assign the Owner role to the deploying identity on the subscription or the static resource group.",
			Bad:         "# facts.json: role_assignments: Contributor at /subscriptions/<id>",
			Good:        "# facts.json: role_assignments: Owner at /subscriptions/<id>",
			Engine:      EngineRego,
			Needs:       []string{"PxSubscriptionId", "PxTeamsConnStaticResourceGroupName"},
		},
		Rule{
			ID:          "PX404",
			Name:        "guest-directory-readers",
			Title:       "Guest user without the Directory Readers role",
			Severity:    finding.SeverityError,
			Description: "From the facts' account: a guest user (`user_type` Guest) needs the Directory Readers role (Global Reader and Global Administrator include it) to read the tenant's service principals. Not verified without facts or when the guest's directory roles are unknown.",
			Prevents:    "\"Get-AzADServicePrincipal : Insufficient privileges\"",
			Remediation: "Have a Privileged Role Administrator assign Directory Readers to the guest, or deploy with a member account.",
			Bad:         "# facts.json: \"user_type\": \"Guest\", \"directory_roles\": []",
			Good:        "# facts.json: \"user_type\": \"Guest\", \"directory_roles\": [\"Directory Readers\"]",
			Engine:      EngineRego,
		},
		Rule{
			ID:       "PX405",
			Name:     "facts-subscription",
			Title:    "Facts collected in another subscription than $PxSubscriptionId",
			Severity: finding.SeverityWarning,
			Description: "The facts' Azure context (`account.subscription_id`) is not the script's " +
				"`$PxSubscriptionId`: the role assignments read there say nothing about the deployment's " +
				"subscription, and the session is pointed at the wrong one.",
			Prevents:    "\"Forbidden\" and resources created in the wrong subscription",
			Remediation: "Run `Set-AzContext -Subscription <$PxSubscriptionId>`, then the preflight script again.",
			Bad:         "# facts.json: \"subscription_id\": \"9a8b7c6d-...\"\n$PxSubscriptionId = \"4c1b9e2a-...\"",
			Good:        "# facts.json: \"subscription_id\": \"4c1b9e2a-...\"\n$PxSubscriptionId = \"4c1b9e2a-...\"",
			Engine:      EngineRego,
			Needs:       []string{"PxSubscriptionId"},
		},
	)
}
