package rules

import "github.com/pxlint/pxlint/lint/finding"

// requiredVariables are the variables PX501 requires ($PxWinAdminUser too,
// unless the VM credential is obtained otherwise).
var requiredVariables = []string{
	"PxBaseConnName", "PxVmssRegion", "PxTeamsConnFqdn", "PxNodeFqdns",
	"PxSubscriptionId", "PxAzureLocation", "PxTeamsConnInstanceCount",
	"PxPfxCertFileName", "PxTeamsConnResourceGroupName",
	"PxTeamsConnStaticResourceGroupName", "PxWinAdminUser",
}

// PX5xx: values. PX504 and PX507 are CUE fields; PX502 and PX505 are split
// between CUE (shape) and policies/px5xx_values.rego, which also holds PX501,
// PX503, PX506 and PX508.
func init() {
	Register(
		Rule{
			ID:       "PX501",
			Name:     "required-variable",
			Title:    "Required variable missing or empty",
			Severity: finding.SeverityError,
			Description: "A variable the deployment needs is missing (the finding is about the file) or `\"\"` / " +
				"`$null` (the finding points at the assignment): `$PxBaseConnName`, `$PxVmssRegion`, " +
				"`$PxTeamsConnFqdn`, `$PxNodeFqdns`, `$PxSubscriptionId`, `$PxAzureLocation`, " +
				"`$PxTeamsConnInstanceCount`, `$PxPfxCertFileName`, `$PxTeamsConnResourceGroupName`, " +
				"`$PxTeamsConnStaticResourceGroupName`, and `$PxWinAdminUser` unless the VM credential is " +
				"obtained otherwise (`$PxWinAdminCred = Get-Credential`). Not required: the password (prompting " +
				"is better), the two prefix lists (empty has a meaning), the booleans. Rules that depend on " +
				"these values skip them while they are missing or empty.",
			Prevents:    "empty parameters at deployment, failing after the first resources were created",
			Remediation: "Assign the variable a value, as the template shows.",
			Bad:         "$PxAzureLocation = \"\"",
			Good:        "$PxAzureLocation = \"westeurope\"",
			Engine:      EngineRego,
			Needs:       requiredVariables,
		},
		Rule{
			ID:       "PX502",
			Name:     "fqdn",
			Title:    "Teams Connector or node name is not a DNS name",
			Severity: finding.SeverityError,
			Description: "`$PxTeamsConnFqdn`, or a name in `$PxNodeFqdns`, is not a DNS name: a scheme " +
				"(`https://`), a port, a path, an underscore, spaces, an IP address, a label over 63 or a name over " +
				"253 characters. One grammar (#Fqdn in CUE) judges the Teams Connector FQDN and each node name " +
				"(split on commas), explained in the same words.",
			Prevents: "certificate and DNS failures: \"Teams API request failed\" and Error=\"401\" " +
				"(certificate subject names may not match)",
			Remediation: "Write the bare host name: `teams-weu.fabrikam.net`, not `https://teams-weu.fabrikam.net:443/`.",
			Bad:         "$PxNodeFqdns = \"https://conf01.fabrikam.net,conf_02.fabrikam.net\"",
			Good:        "$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
			Engine:      EngineCUE,
			Fragment:    true,
			Needs:       []string{"PxTeamsConnFqdn", "PxNodeFqdns"},
		},
		Rule{
			ID:       "PX503",
			Name:     "node-fqdn-list",
			Title:    "Node names not one clean comma-separated string",
			Severity: finding.SeverityError,
			Levels:   []finding.Severity{finding.SeverityError, finding.SeverityWarning},
			Description: "`$PxNodeFqdns` must be one comma-separated string. Error: it is an array " +
				"(`@(\"a\", \"b\")`), which PowerShell joins with spaces. Warning: empty entries (`a,,b`), spaces " +
				"around commas, or the same name twice.",
			Prevents:    "\"PexipFqdns\" parameter errors: nodes the Teams Connector does not accept calls from",
			Remediation: "Write one string of names separated by commas only: `\"conf01.fabrikam.net,conf02.fabrikam.net\"`.",
			Bad:         "$PxNodeFqdns = @(\"conf01.fabrikam.net\", \"conf02.fabrikam.net\")",
			Good:        "$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
			Engine:      EngineRego,
			Fragment:    true,
			Needs:       []string{"PxNodeFqdns"},
		},
		Rule{
			ID:          "PX504",
			Name:        "guid",
			Title:       "Subscription or tenant ID is not a GUID",
			Severity:    finding.SeverityError,
			Description: "`$PxSubscriptionId` (or a tenant ID) is not a GUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal); often a subscription or tenant name pasted instead.",
			Prevents:    "\"Teams API request failed\" and Error=\"500\": the wrong Azure tenant ID is configured",
			Remediation: "Copy the ID from `az account show --query id -o tsv`.",
			Bad:         "$PxSubscriptionId = \"Fabrikam Production\"",
			Good:        "$PxSubscriptionId = \"3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11\"",
			Engine:      EngineCUE,
			Fragment:    true,
			Needs:       []string{"PxSubscriptionId"},
		},
		Rule{
			ID:       "PX505",
			Name:     "instance-count",
			Title:    "Instance count not a whole number ≥ 1, or unusually high",
			Severity: finding.SeverityError,
			Levels:   []finding.Severity{finding.SeverityError, finding.SeverityWarning},
			Description: "`$PxTeamsConnInstanceCount` sets the number of Teams Connector VMs. Error: not a whole " +
				"number of at least 1. Warning: more than 20 (configurable); each instance takes about 15 calls, " +
				"so check the capacity plan and the subscription's VM quota.",
			Prevents:    "\"The Teams Connector was at maximum capacity and thus unable to take the call\"",
			Remediation: "Plan about 15 calls per instance and write the count as a whole number, e.g. `\"2\"`.",
			Bad:         "$PxTeamsConnInstanceCount = \"0\"",
			Good:        "$PxTeamsConnInstanceCount = \"2\"",
			Engine:      EngineCUERego,
			Fragment:    true,
			Needs:       []string{"PxTeamsConnInstanceCount"},
			Options:     map[string]string{"max_instances": "instance count above which PX505 warns (default 20)"},
			OptionSpecs: map[string]OptionSpec{"max_instances": {Kind: OptionInteger, Min: 1, Max: 1000}},
		},
		Rule{
			ID:       "PX506",
			Name:     "plaintext-secret",
			Title:    "Literal password or secret in the script",
			Severity: finding.SeverityError,
			// Security: a committed administrator password is a leaked credential.
			SecuritySeverity: 8.8,
			Levels:           []finding.Severity{finding.SeverityError, finding.SeverityWarning},
			Description: "A literal, non-empty password or secret (`$PxWinAdminPassword`, app passwords, PFX " +
				"passwords). Error when the file is inside a git work tree (it is about to be committed, or " +
				"already was); warning otherwise (prompting is still better). The value is never echoed: the " +
				"message names the variable and its length only. Not suppressible by default.",
			Prevents:    "leaked credentials: a VM administrator password in the repository's history",
			Remediation: "Delete the literal and prompt: `$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser`; rotate a password that was committed.",
			Bad:         "$PxWinAdminPassword = \"<a literal password>\"",
			Good:        "$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser",
			Engine:      EngineRego,
			Fragment:    true,
			// Secrets are never evaluated into values, so the rule needs none.
			NotSuppressible: true,
		},
		Rule{
			ID:       "PX507",
			Name:     "admin-credential",
			Title:    "VM administrator name Azure rejects",
			Severity: finding.SeverityError,
			Description: "`$PxWinAdminUser` breaks Azure's rules for Windows VM administrators: over 20 characters, " +
				"ending in `.`, or a reserved name (`admin`, `administrator`, `root`, `guest`, `test`, `user1`, ...).",
			Prevents:    "VM deployment rejected: the admin user name is not allowed",
			Remediation: "Use a name of at most 20 characters that is not on Azure's reserved list, e.g. `pexadmin`.",
			Bad:         "$PxWinAdminUser = \"administrator\"",
			Good:        "$PxWinAdminUser = \"pexadmin\"",
			Engine:      EngineCUE,
			Fragment:    true,
			Needs:       []string{"PxWinAdminUser"},
		},
		Rule{
			ID:       "PX508",
			Name:     "fqdn-collision",
			Title:    "Teams Connector FQDN equals a node name",
			Severity: finding.SeverityError,
			Description: "`$PxTeamsConnFqdn` equals one of the names in `$PxNodeFqdns` (case-insensitively): " +
				"the Teams Connector and a Conferencing Node would share one hostname and certificate name.",
			Prevents:    "routing loops and certificate confusion between the Teams Connector and the nodes",
			Remediation: "Give the Teams Connector a hostname of its own, e.g. `teams-weu.fabrikam.net`.",
			Bad:         "$PxTeamsConnFqdn = \"conf01.fabrikam.net\"\n$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
			Good:        "$PxTeamsConnFqdn = \"teams-weu.fabrikam.net\"\n$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
			Engine:      EngineRego,
			Needs:       []string{"PxTeamsConnFqdn", "PxNodeFqdns"},
		},
		Rule{
			ID:       "PX509",
			Name:     "declared-variable",
			Title:    "Value outside the type or pattern declared in .pxlint.hcl",
			Severity: finding.SeverityError,
			Description: "A variable declared with a `variable` block in `.pxlint.hcl` (a site's own, or one a newer " +
				"Teams Connector release reads that the catalog does not know: VM size, private routing, Event Hub, " +
				"...) has a value that does not satisfy its declared CUE `type` or does not match its `pattern` " +
				"(every string of a list must). Declared variables are known to PX005, required ones are PX501's " +
				"when missing or empty, and one with a `parameter` must be passed to `create_vmss_deployment.ps1` " +
				"as that parameter (PX601), like the built-in ones.",
			Prevents:    "a newer release's setting deployed with a value it rejects",
			Remediation: "Write a value of the declared type that matches the pattern, or correct the declaration.",
			Bad:         "# .pxlint.hcl: variable \"PxVmSize\" { pattern = \"^Standard_\" }\n$PxVmSize = \"D4s_v5\"",
			Good:        "$PxVmSize = \"Standard_D4s_v5\"",
			Engine:      EngineGo,
			Fragment:    true,
		},
	)
}
