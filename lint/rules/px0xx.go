package rules

import "github.com/pxlint/pxlint/lint/finding"

// PX0xx: the script itself. PX001, PX007 and PX011 are the engine's (parser,
// evaluator, bounds); PX005 and PX008 are CUE fields; PX002, PX003, PX004,
// PX006 and PX009 are policies/px0xx_script.rego. PX010 is in px010.go.
func init() {
	Register(
		Rule{
			ID:       "PX001",
			Name:     "parse-error",
			Title:    "The script does not parse",
			Severity: finding.SeverityError,
			Description: "The variables script is not valid PowerShell: an unterminated string or here-string, " +
				"unbalanced `( )`, `@( )`, `@{ }` or `{ }`, or a stray quote. PowerShell refuses to run such a " +
				"file, or runs only part of it, and every rule after the error is unreliable. pxlint reports the " +
				"cause, not the symptom: when a string runs over lines before the error (a missing closing quote " +
				"swallows the lines below it), the finding points at that string and gives the place where the " +
				"parse failed as a related location; variables assigned from the error on are unknown, so the " +
				"rules that need them are not_verified instead of failing on the typo's echoes. A slip PowerShell " +
				"reads differently from what an editor shows (a comma after the last element, a missing comma, " +
				"a typographic quote that ends a string, a line or paragraph separator that is a space to " +
				"PowerShell) gets its own message and fix.",
			Prevents: "\"Many errors that are reported when you run create_vmss_deployment.ps1 are a result of " +
				"typos or formatting errors in the variables initialization script\"",
			Remediation: "Go to the position reported and close the string or bracket opened there; a quote pasted " +
				"from a document (“ ”) is a common cause.",
			Bad:      "$PxBaseConnName = \"fabrikam\n$PxVmssRegion = \"weu\"",
			Good:     "$PxBaseConnName = \"fabrikam\"\n$PxVmssRegion = \"weu\"",
			Engine:   EngineGo,
			Fragment: true,
		},
		Rule{
			ID:       "PX002",
			Name:     "unquoted-address",
			Title:    "IPv4 address or CIDR prefix written without quotes",
			Severity: finding.SeverityError,
			Description: "An IPv4 address or CIDR prefix written without quotes, as a value or an array element. " +
				"It is not a syntax error, which is why it survives until deployment: PowerShell reads " +
				"`80.213.4.17` as the number `80.213` followed by the member access `.4.17`, which yields " +
				"`$null`, and `91.90.42.64/26` as `$null / 26`, i.e. `0`. The network security group then gets " +
				"an empty or wrong entry. Rules about addresses (PX101–PX108) skip such elements: this rule owns them.",
			Prevents: "\"typos or formatting errors in the variables initialization script, such as missing quotes " +
				"around an IP address\"",
			Remediation: "Put the address in double quotes, exactly as written: `\"80.213.4.17\"`.",
			Bad:         "$PxNodesSourceAddressPrefixes = @(80.213.4.17, \"31.45.128.0/27\")",
			Good:        "$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\", \"31.45.128.0/27\")",
			Engine:      EngineRego,
			Fragment:    true,
		},
		Rule{
			ID:       "PX003",
			Name:     "single-quoted-expansion",
			Title:    "Single-quoted string that was meant to expand",
			Severity: finding.SeverityError,
			Description: "A single-quoted string that holds `$(...)` or a reference to a known `$Px` variable. " +
				"PowerShell expands neither inside single quotes, so the resource name deployed contains the " +
				"literal text `$($PxBaseConnName)`. Never applied to secret variables: a `$` in a password is legitimate.",
			Prevents:    "resource names containing a literal `$(` (\"typos or formatting errors in the variables initialization script\")",
			Remediation: "Use double quotes, which expand `$(...)` and `$variables`.",
			Bad:         "$PxTeamsConnResourceGroupName = '$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG'",
			Good:        "$PxTeamsConnResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\"",
			Engine:      EngineRego,
			Fragment:    true,
		},
		Rule{
			ID:       "PX004",
			Name:     "undefined-variable",
			Title:    "$Px variable used before it is assigned",
			Severity: finding.SeverityError,
			Description: "A `$Px...` variable is used (in a value, inside `\"$(...)\"`, or as a command argument) " +
				"before any assignment of it, so PowerShell substitutes `$null`: a misspelt name, or an assignment " +
				"placed below its use. Reported once per variable, at its first use. A required variable the " +
				"script never assigns is PX501's; a variable a dot-sourced file that could not be read may " +
				"define is not reported.",
			Prevents:    "empty names and parameters at deployment (\"typos or formatting errors in the variables initialization script\")",
			Remediation: "Move the assignment above the first use, or correct the spelling of the name.",
			Bad:         "$PxTeamsConnResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\"\n$PxVmssRegion = \"weu\"",
			Good:        "$PxVmssRegion = \"weu\"\n$PxTeamsConnResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\"",
			Engine:      EngineRego,
		},
		Rule{
			ID:       "PX005",
			Name:     "unknown-variable",
			Title:    "$Px variable the profile's catalog does not know",
			Severity: finding.SeverityWarning,
			Levels:   []finding.Severity{finding.SeverityWarning, finding.SeverityInfo},
			Description: "A `$Px...` variable is assigned that is not in the variable catalog of the script's profile " +
				"(azurerm or az), usually a misspelling of a known one; the nearest known name is suggested " +
				"(`$PxNodeFqdn` → `$PxNodeFqdns`). The catalog describes the releases pxlint knows; newer Teams " +
				"Connector releases add variables (VM size, private routing, Event Hub, ...). A variable the script " +
				"passes to `create_vmss_deployment.ps1` is most likely one of those, so it is only info. Declare " +
				"such variables with a `variable` block in `.pxlint.hcl` and they are known and checked.",
			Prevents:    "a setting silently ignored: the deployment uses the template default or an empty value instead",
			Remediation: "Rename the variable to the suggested catalog name, remove it, or declare it in `.pxlint.hcl` if your release reads it.",
			Bad:         "$PxNodeFqdn = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
			Good:        "$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
			Engine:      EngineCUE,
			Fragment:    true,
		},
		Rule{
			ID:       "PX006",
			Name:     "duplicate-assignment",
			Title:    "Variable assigned twice with =",
			Severity: finding.SeverityWarning,
			Description: "A variable is assigned twice with `=` outside any branch, typically after pasting a " +
				"block from another region's script. The last assignment wins; the finding points at the earlier " +
				"one and says which value is deployed. `+=` appends and `$x = $x + ...` builds on the earlier value: " +
				"neither is a duplicate.",
			Prevents:    "a stale value deployed: the value you edited is not the one that wins",
			Remediation: "Delete the earlier assignment, or merge the two.",
			Bad:         "$PxVmssRegion = \"weu\"\n# ...\n$PxVmssRegion = \"neu\"",
			Good:        "$PxVmssRegion = \"weu\"",
			Engine:      EngineRego,
			Fragment:    true,
		},
		Rule{
			ID:       "PX007",
			Name:     "not-evaluated",
			Title:    "Value a rule needs cannot be evaluated statically",
			Severity: finding.SeverityInfo,
			Description: "A value that a rule needs cannot be known without running the script: `Read-Host`, a " +
				"cmdlet call, an assignment inside a branch or loop. pxlint never executes the script, so it " +
				"reports the variable once, with the reason, and marks the rules that needed it `not_verified` " +
				"rather than `pass`. Variables no rule needs are not reported.",
			Prevents:    "false confidence: a clean report for values pxlint could not see",
			Remediation: "Write the value literally where you can; otherwise accept that those rules are not verified.",
			Bad:         "$PxVmssRegion = Read-Host \"Region tag\"",
			Good:        "$PxVmssRegion = \"weu\"",
			Engine:      EngineGo,
			Fragment:    true,
		},
		Rule{
			ID:       "PX008",
			Name:     "wrong-type",
			Title:    "Value of the wrong type",
			Severity: finding.SeverityError,
			Description: "A boolean written as a string (`\"true\"`, `\"$false\"`: any non-empty string is true), or an " +
				"address list written as one string holding several addresses (`\"1.2.3.4,5.6.7.8\"`; one address in " +
				"a string is fine, PowerShell makes it a one-element array). A number or numeric string is fine for " +
				"the instance count.",
			Prevents:    "template parameter type errors, and `\"$false\"` deploying as true",
			Remediation: "Write booleans as `$true` / `$false` and address lists as `@(\"a\", \"b\")`.",
			Bad:         "$PxTeamsConnDiskEncryption = \"false\"\n$PxMgmtSrcAddrPrefixes = \"85.10.200.0/28,85.10.201.0/28\"",
			Good:        "$PxTeamsConnDiskEncryption = $false\n$PxMgmtSrcAddrPrefixes = @(\"85.10.200.0/28\", \"85.10.201.0/28\")",
			Engine:      EngineCUE,
			Fragment:    true,
			Needs:       []string{"PxTeamsConnIncidentReporting", "PxTeamsConnDiskEncryption", "PxMgmtSrcAddrPrefixes", "PxNodesSourceAddressPrefixes"},
		},
		Rule{
			ID:       "PX009",
			Name:     "encoding-risk",
			Title:    "Non-ASCII characters outside comments in a file without a byte-order mark",
			Severity: finding.SeverityError,
			Levels:   []finding.Severity{finding.SeverityError, finding.SeverityWarning},
			Description: "The file has non-ASCII characters (typographic quotes and dashes pasted from documents, " +
				"accented names) in strings, names or bare words, and no byte-order mark. Windows PowerShell 5.1 " +
				"reads such a file as Windows-1252, so UTF-8 characters become other ones — but only on the " +
				"deployment workstation; PowerShell 7 and editors read it fine. Error when the misread bytes " +
				"include a character PowerShell treats as a quote (an en dash `–` is UTF-8 E2 80 93, and 0x93 " +
				"in Windows-1252 is `“`, which ends a string); warning otherwise. Characters in comments are " +
				"misread harmlessly and are not counted. The finding points at the first line with such a " +
				"character and counts them.",
			Prevents:    "\"typos or formatting errors\" that only appear on the deployment workstation",
			Remediation: "Save the file as UTF-8 with BOM (VS Code: \"Save with Encoding\" → \"UTF-8 with BOM\"), or replace the characters with ASCII ones.",
			Bad:         "# saved as UTF-8 without BOM\n$PxWinAdminUser = \"pex–admin\"",
			Good:        "# saved as UTF-8 with BOM, or ASCII only\n$PxWinAdminUser = \"pex-admin\"",
			Engine:      EngineRego,
			Fragment:    true,
		},
		Rule{
			ID:       "PX011",
			Name:     "analysis-limit",
			Title:    "Input exceeds a bound pxlint sets",
			Severity: finding.SeverityError,
			Description: "An input exceeds one of pxlint's bounds: file size, nesting depth, expansion size, number " +
				"of statements or evaluation work. pxlint stops analysing that part instead of hanging or " +
				"exhausting memory, and says which bound and where. A real variables script never comes close.",
			Prevents:    "hangs and memory exhaustion on hostile or corrupt input (e.g. 300 nested `@(`)",
			Remediation: "Simplify the construct reported; a variables script needs no deep nesting or huge expansions.",
			Bad:         "$PxMgmtSrcAddrPrefixes = @(@(@(@( ... 300 levels ... ))))",
			Good:        "$PxMgmtSrcAddrPrefixes = @(\"85.10.200.0/28\")",
			Engine:      EngineGo,
			Fragment:    true,
		},
	)
}
