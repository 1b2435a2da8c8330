package rules

import "github.com/pxlint/pxlint/lint/finding"

// PX2xx: names and Azure resources. PX202 and PX209 are CUE fields, PX201 is
// split (shape in CUE, upper case in Rego), the others are
// policies/px2xx_names.rego and policies/px206_repository.rego. PX207 is
// registered with the inventory rules.
func init() {
	Register(
		Rule{
			ID:       "PX201",
			Name:     "base-name",
			Title:    "Base name too long, with invalid characters, or in upper case",
			Severity: finding.SeverityError,
			Levels:   []finding.Severity{finding.SeverityError, finding.SeverityWarning},
			Description: "`$PxBaseConnName` prefixes every Azure resource of the deployment. Error: over 9 " +
				"characters, or characters outside `a-z0-9` (dashes, spaces, underscores). Warning: upper case, " +
				"which the template does not allow and which storage account names cannot hold. An empty or " +
				"missing value is PX501's.",
			Prevents:    "invalid VMSS, storage account and computer names: the deployment is rejected",
			Remediation: "Use at most 9 lower-case letters and digits, e.g. an abbreviation of the organisation.",
			Bad:         "$PxBaseConnName = \"Fabrikam-Corp\"",
			Good:        "$PxBaseConnName = \"fabrikam\"",
			Engine:      EngineCUERego,
			Fragment:    true,
			Needs:       []string{"PxBaseConnName"},
		},
		Rule{
			ID:          "PX202",
			Name:        "region-name",
			Title:       "Region tag not lower-case letters",
			Severity:    finding.SeverityError,
			Description: "`$PxVmssRegion` is the short tag that separates regional deployments; it must match `^[a-z]+$`. An empty or missing value is PX501's.",
			Prevents:    "invalid VMSS, storage account and computer names: the deployment is rejected",
			Remediation: "Use a few lower-case letters, e.g. `weu` for West Europe.",
			Bad:         "$PxVmssRegion = \"West-EU\"",
			Good:        "$PxVmssRegion = \"weu\"",
			Engine:      EngineCUE,
			Fragment:    true,
			Needs:       []string{"PxVmssRegion"},
		},
		Rule{
			ID:       "PX203",
			Name:     "combined-name-length",
			Title:    "Base name and region tag together outside 3–14 characters",
			Severity: finding.SeverityError,
			Description: "`$PxBaseConnName` + `$PxVmssRegion` form the VMSS name and the prefix of the Windows " +
				"computer names (at most 15 characters with the instance suffix); together they must be 3 to 14 " +
				"characters. Skipped when either part is already wrong in itself (PX201, PX202, PX501).",
			Prevents:    "VMSS and storage account name limits: the deployment is rejected",
			Remediation: "Shorten (or lengthen) the base name or the region tag.",
			Bad:         "$PxBaseConnName = \"fabrikam\"\n$PxVmssRegion = \"westeurope\"",
			Good:        "$PxBaseConnName = \"fabrikam\"\n$PxVmssRegion = \"weu\"",
			Engine:      EngineRego,
			Needs:       []string{"PxBaseConnName", "PxVmssRegion"},
		},
		Rule{
			ID:       "PX204",
			Name:     "resource-group-name",
			Title:    "Resource-group name Azure rejects",
			Severity: finding.SeverityError,
			Description: "An evaluated resource-group name (`$PxTeamsConnResourceGroupName`, " +
				"`$PxTeamsConnStaticResourceGroupName`) that Azure rejects: it must be 1–90 characters of " +
				"letters, digits, `_ - . ( )`, and not end in `.`. A literal `$(` is PX003's and a broken base " +
				"name PX201's.",
			Prevents:    "deployment rejected when the resource group is created",
			Remediation: "Build the names from the base name and region tag as the template does.",
			Bad:         "$PxTeamsConnResourceGroupName = \"fabrikam TeamsConn weu RG.\"",
			Good:        "$PxTeamsConnResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\"",
			Engine:      EngineRego,
			Fragment:    true,
			Needs:       []string{"PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName"},
		},
		Rule{
			ID:       "PX205",
			Name:     "resource-group-collision",
			Title:    "Two roles resolve to the same resource group",
			Severity: finding.SeverityError,
			Description: "Within one script, the VMSS resource group equals the static resource group, or either " +
				"equals the bot channel's resource group (`<base>-TeamsBotChan-RG`), compared case-insensitively " +
				"as Azure compares them. The VMSS resource group is deleted and recreated on redeployment; the " +
				"static one (public IP, key vault) must survive it.",
			Prevents:    "\"Web space with name <name> already exists for subscription <id>\"",
			Remediation: "Keep the template's distinct names: `<base>-TeamsConn-<region>-RG` and `<base>-TeamsConn-<region>-static-RG`.",
			Bad:         "$PxTeamsConnStaticResourceGroupName = $PxTeamsConnResourceGroupName",
			Good:        "$PxTeamsConnStaticResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG\"",
			Engine:      EngineRego,
			Needs:       []string{"PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName", "PxBaseConnName"},
		},
		Rule{
			ID:       "PX206",
			Name:     "deployment-collision",
			Title:    "Two regional deployments collide",
			Severity: finding.SeverityError,
			Description: "Across the scripts of one repository and within one `$PxSubscriptionId`, two regional " +
				"deployments share a VMSS resource group, a static resource group, a VMSS name (`<base><region>`) " +
				"or a public IP name (`<base>-TeamsConn-<region>-PIP`); or, in any subscription, a " +
				"`$PxTeamsConnFqdn`. Typically a script copied for a new region with the region tag left " +
				"unchanged. Each script gets one finding per colliding variable, whatever the number of scripts it " +
				"collides with: the message names the first 3 other scripts and counts the rest, and the first 10 " +
				"places are related locations (the message says how many more), so output grows linearly.",
			Prevents:    "one region overwriting another (\"Web space with name <name> already exists for subscription <id>\")",
			Remediation: "Give each regional script its own `$PxVmssRegion` and `$PxTeamsConnFqdn`, and build the names from them.",
			Bad:         "# weu.ps1 and weu-copy.ps1, same subscription\n$PxVmssRegion = \"weu\"",
			Good:        "# weu.ps1\n$PxVmssRegion = \"weu\"\n# neu.ps1\n$PxVmssRegion = \"neu\"",
			Engine:      EngineRego,
			Needs: []string{"PxSubscriptionId", "PxTeamsConnFqdn", "PxBaseConnName", "PxVmssRegion",
				"PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName"},
		},
		Rule{
			ID:       "PX208",
			Name:     "bot-name-risk",
			Title:    "Generic base name: the global bot name is likely taken",
			Severity: finding.SeverityWarning,
			Description: "Bot names are global in Azure and derived from `$PxBaseConnName` (per profile: " +
				"`<base>-Trusted-TeamsBot` and `<base>-Guest-TeamsBot`, or `<base>-TeamsBot`). A generic base name " +
				"(`pexip`, `teams`, `test`, `demo`, `contoso`, `example`, `company`, ..., optionally followed by " +
				"digits) is very likely registered by another tenant already.",
			Prevents:    "\"InvalidBotData - Bot is not valid - Id is already in use\"",
			Remediation: "Use a base name specific to your organisation.",
			Bad:         "$PxBaseConnName = \"pexip\"",
			Good:        "$PxBaseConnName = \"fabrikam\"",
			Engine:      EngineRego,
			Needs:       []string{"PxBaseConnName"},
			Options:     map[string]string{"generic_names": "list of base names considered generic (replaces the built-in list)"},
			OptionSpecs: map[string]OptionSpec{"generic_names": {Kind: OptionNames, MaxItems: 1000}},
		},
		Rule{
			ID:       "PX209",
			Name:     "azure-location",
			Title:    "Azure location unknown, or a display name",
			Severity: finding.SeverityError,
			Levels:   []finding.Severity{finding.SeverityError, finding.SeverityInfo},
			Description: "Error: `$PxAzureLocation` is no Azure region (`westeurope2`, `uk-south`, `west-europe`); " +
				"the nearest region is suggested. Info: a display name (`West Europe`) that Azure accepts but that " +
				"differs from the short name used elsewhere. The region list is data (`schemas/regions.cue`, with its " +
				"source), holds the Azure Government regions (`usgovarizona`, `usgovtexas`, ...; PX210 checks the " +
				"cloud), and is extendable in the configuration.",
			Prevents:    "deployment rejected: the location is not available",
			Remediation: "Use the region's short name, as `az account list-locations -o table` prints it.",
			Bad:         "$PxAzureLocation = \"west-europe\"",
			Good:        "$PxAzureLocation = \"westeurope\"",
			Engine:      EngineCUE,
			Fragment:    true,
			Needs:       []string{"PxAzureLocation"},
			Options:     map[string]string{"extra_locations": "additional region short names to accept (e.g. new or sovereign-cloud regions)"},
			OptionSpecs: map[string]OptionSpec{"extra_locations": {Kind: OptionNames, MaxItems: 1000}},
		},
		Rule{
			ID:       "PX210",
			Name:     "cloud-mismatch",
			Title:    "Azure Government region with a public-cloud connection, or the reverse",
			Severity: finding.SeverityError,
			Description: "`$PxAzureLocation` is an Azure Government region (`usgovarizona`, `usgovtexas`, ...) while the " +
				"script connects with `Connect-AzAccount` without `-Environment AzureUSGovernment`, or a public-cloud " +
				"region while it connects to Azure Government. The region does not exist in the cloud the session " +
				"is connected to. GCC High tenants may host the Teams Connector only in US Gov Arizona or US Gov " +
				"Texas. The region list and each region's cloud are data (`schemas/regions.cue`). Not verified " +
				"when the script does not connect itself (the session's cloud is unknown), or when the location " +
				"or the `-Environment` value is not known statically.",
			Prevents:    "location not found / deployment rejected",
			Remediation: "Connect to the cloud of the region: `Connect-AzAccount -Environment AzureUSGovernment` for a US Government region, no `-Environment` for a public one.",
			Bad:         "Connect-AzAccount\n$PxAzureLocation = \"usgovarizona\"",
			Good:        "Connect-AzAccount -Environment AzureUSGovernment\n$PxAzureLocation = \"usgovarizona\"",
			Engine:      EngineRego,
			Needs:       []string{"PxAzureLocation"},
		},
	)
}
