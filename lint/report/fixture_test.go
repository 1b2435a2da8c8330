package report

import (
	"time"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// fixtureRules is hand-made metadata, independent of the built-in registry
// (which other packages fill), so the golden files change only with the
// formatters.
func fixtureRules() []rules.Rule {
	return []rules.Rule{
		{ID: "PX102", Name: "cidr-host-bits", Title: "CIDR prefix with host bits set", Severity: finding.SeverityError, Engine: rules.EngineRego,
			Description: "A CIDR prefix whose host bits are set.", Prevents: "invalid address prefix", Remediation: "Write the network address."},
		{ID: "PX105", Name: "broad-prefix", Title: "Prefix broader than /16", Severity: finding.SeverityWarning, Engine: rules.EngineRego,
			Description: "0.0.0.0/0 or a prefix shorter than /16.", Remediation: "Narrow the prefix.", SecuritySeverity: 5.3},
		{ID: "PX206", Name: "deployment-collision", Title: "Two deployments share names", Severity: finding.SeverityError, Engine: rules.EngineRego,
			Description: "Two scripts of one repository deploy the same resources."},
		{ID: "PX209", Name: "azure-location", Title: "Not an Azure region", Severity: finding.SeverityError,
			Levels: []finding.Severity{finding.SeverityError, finding.SeverityInfo}, Engine: rules.EngineCUE},
		{ID: "PX303", Name: "cert-name-mismatch", Title: "Certificate does not cover the FQDN", Severity: finding.SeverityError, Engine: rules.EngineRego},
		{ID: "PX402", Name: "culture", Title: "Culture is not en-US", Severity: finding.SeverityError, Engine: rules.EngineRego},
		{ID: "PX501", Name: "required-variable", Title: "Required variable missing or empty", Severity: finding.SeverityError, Engine: rules.EngineCUERego},
		{ID: "PX506", Name: "plaintext-secret", Title: "Password written in the script", Severity: finding.SeverityError, Engine: rules.EngineRego, SecuritySeverity: 8.8},
		{ID: "PX009", Name: "encoding-risk", Title: "Non-ASCII text without a BOM", Severity: finding.SeverityWarning, Engine: rules.EngineGo},
	}
}

// fixtureReport covers what formatters must handle: several files, every
// status, every severity, suppressed findings (inSource, external,
// baseline), related locations, file-level findings, a non-ASCII file name
// with a comma, a space and '%', and messages with commas, colons,
// semicolons, brackets, newlines and '%' (the escaping cases of the GitHub
// and Azure DevOps commands).
func fixtureReport() *finding.Report {
	r := unsortedFixtureReport()
	for i := range r.Files {
		r.Files[i].Sort()
	}
	return r
}

func unsortedFixtureReport() *finding.Report {
	now := time.Date(2026, 11, 26, 15, 4, 5, 0, time.UTC)
	nsg := "regions/westeurope/variables.ps1"
	tokyo := "regions/東京, 100%/variables.ps1"
	clean := "regions/clean/variables.ps1"
	docs := func(id string) string { return rules.DocsBase + id + ".md" }
	return &finding.Report{
		Tool: "pxlint", Version: "v0.3.0", Now: now, FailOn: finding.FailOnError,
		Notices: []string{"skipped notes/readme.ps1: assigns no $Px variable"},
		Files: []finding.FileResult{
			{
				Path: nsg, Profile: "az",
				Lines: []string{
					`$PxBaseConnName = "pxtc"`,
					"\t$PxNodesSourceAddressPrefixes = @(\"91.90.42.96/26\", \"0.0.0.0/0\")",
					`$PxTeamsConnFqdn = "tc.example.com"`,
					`$PxWinAdminPassword = "********"`,
				},
				Statuses: []finding.RuleStatus{
					{RuleID: "PX009", Status: finding.StatusDisabled, Reason: "disabled in .pxlint.hcl"},
					{RuleID: "PX102", Status: finding.StatusFail},
					{RuleID: "PX105", Status: finding.StatusFail},
					{RuleID: "PX206", Status: finding.StatusFail},
					{RuleID: "PX209", Status: finding.StatusFail},
					{RuleID: "PX303", Status: finding.StatusNotVerified, Reason: "no certificate given (--cert)"},
					{RuleID: "PX402", Status: finding.StatusFail, Source: "facts"},
					{RuleID: "PX501", Status: finding.StatusPass, Source: "script"},
					{RuleID: "PX506", Status: finding.StatusFail},
				},
				Findings: []finding.Finding{
					{RuleID: "PX402", Severity: finding.SeverityInfo, File: nsg, DocsURL: docs("PX402"),
						Message: "facts: culture en-US; checked at 100% of hosts"},
					{RuleID: "PX102", Severity: finding.SeverityError, File: nsg, DocsURL: docs("PX102"),
						Region:   &finding.Region{StartLine: 2, StartColumn: 36, EndLine: 2, EndColumn: 52},
						Variable: "$PxNodesSourceAddressPrefixes", Element: `"91.90.42.96/26"`,
						Message: "91.90.42.96/26 has host bits set; the network is 91.90.42.64/26 (or did you mean 91.90.42.96/27?)",
						Fix:     `write "91.90.42.64/26"`},
					{RuleID: "PX105", Severity: finding.SeverityWarning, File: nsg, DocsURL: docs("PX105"),
						Region:   &finding.Region{StartLine: 2, StartColumn: 54, EndLine: 2, EndColumn: 65},
						Variable: "$PxNodesSourceAddressPrefixes", Element: `"0.0.0.0/0"`,
						Message: "0.0.0.0/0 opens port 443 to the whole Internet, [all] sources; narrow it",
						Suppression: &finding.Suppression{Kind: "inSource", Justification: "temporary: lab tenant, until 2027",
							Source: nsg + ":2"}},
					{RuleID: "PX206", Severity: finding.SeverityError, File: nsg, DocsURL: docs("PX206"),
						Region:   &finding.Region{StartLine: 3, StartColumn: 20, EndLine: 3, EndColumn: 36},
						Variable: "$PxTeamsConnFqdn",
						Message:  "tc.example.com is also the Teams Connector FQDN of " + tokyo + "\nboth deployments would claim it",
						Fix:      "give each region its own FQDN",
						Related: []finding.Location{{File: tokyo, Region: &finding.Region{StartLine: 1, StartColumn: 20, EndLine: 1, EndColumn: 36},
							Message: "the other script"}}},
					{RuleID: "PX506", Severity: finding.SeverityError, File: nsg, DocsURL: docs("PX506"),
						Region:   &finding.Region{StartLine: 4, StartColumn: 23, EndLine: 4, EndColumn: 33},
						Variable: "$PxWinAdminPassword",
						Message:  "a literal password (10 characters) is written in the script",
						Fix:      "read it at run time: Read-Host -AsSecureString",
						Suppression: &finding.Suppression{Kind: "external", Justification: "vault injects it; see ticket OPS-12",
							Source: ".pxlint.hcl:12", Expires: "2027-01-31"}},
					{RuleID: "PX209", Severity: finding.SeverityInfo, File: nsg, DocsURL: docs("PX209"),
						Region:   &finding.Region{StartLine: 4, StartColumn: 1, EndLine: 5, EndColumn: 1},
						Variable: "$PxAzureLocation",
						Message:  "display name; %PATH% style; semicolons; and ]brackets[ are fine"},
				},
			},
			{
				Path: tokyo, Profile: "azurerm",
				Lines: []string{
					`$PxTeamsConnFqdn = "tc.example.com" # 東京`,
					`$PxVmssRegion = "東京"`,
				},
				Statuses: []finding.RuleStatus{
					{RuleID: "PX206", Status: finding.StatusFail},
					{RuleID: "PX303", Status: finding.StatusFail},
					{RuleID: "PX501", Status: finding.StatusSuppressed, Reason: "waived for this file: migration, see OPS-7"},
					{RuleID: "USR001", Status: finding.StatusFail},
				},
				Findings: []finding.Finding{
					{RuleID: "PX303", Severity: finding.SeverityError, File: tokyo, DocsURL: docs("PX303"),
						Message: "tc.example.com is not covered by the certificate: SANs are a.example.com, b.example.com",
						Fix:     "order a certificate for tc.example.com",
						Related: []finding.Location{{File: "certs/tc.pfx", Message: "certificate"}}, Fingerprint: "3f2a"},
					{RuleID: "PX206", Severity: finding.SeverityError, File: tokyo, DocsURL: docs("PX206"),
						Region:   &finding.Region{StartLine: 1, StartColumn: 20, EndLine: 1, EndColumn: 36},
						Variable: "$PxTeamsConnFqdn",
						Message:  "tc.example.com is also the Teams Connector FQDN of " + nsg,
						Related:  []finding.Location{{File: nsg, Region: &finding.Region{StartLine: 3, StartColumn: 20, EndLine: 3, EndColumn: 36}}}},
					{RuleID: "USR001", Severity: finding.SeverityWarning, File: tokyo,
						Region:   &finding.Region{StartLine: 2, StartColumn: 17, EndLine: 2, EndColumn: 21},
						Variable: "$PxVmssRegion",
						Message:  "company policy: region names are ASCII, e.g. japaneast"},
				},
			},
			{
				Path: clean, Profile: "az",
				Lines: []string{`$PxBaseConnName = "pxeu"`},
				Statuses: []finding.RuleStatus{
					{RuleID: "PX102", Status: finding.StatusPass},
					{RuleID: "PX303", Status: finding.StatusNotVerified, Reason: "no certificate given (--cert)"},
					{RuleID: "PX501", Status: finding.StatusPass},
				},
				Findings: []finding.Finding{},
			},
		},
	}
}
