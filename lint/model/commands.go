package model

import (
	"strings"
	"sync"
)

// commandTable lists the parameters of a command pxlint recognises, so that
// `-pfx` binds to PfxPath as PowerShell would bind it.
type commandTable struct {
	// Name is the canonical spelling of the command.
	Name string
	// Params are canonical parameter names; Aliases maps an alias (any case)
	// to its canonical parameter.
	Params  []string
	Aliases map[string]string
	// Open marks a table known to be incomplete: only exact names and
	// aliases are canonicalised, never prefixes, since a prefix could belong
	// to a parameter the table lacks.
	Open bool
	// Common is true for advanced commands that take the common parameters
	// (-Verbose, -ErrorAction, ...), which take part in prefix binding.
	Common bool
	// Switches are the parameters that take no value: `-Force AzureRM`
	// binds AzureRM positionally, not to -Force.
	Switches []string
	// SecretParams are parameters whose values are secrets regardless of
	// their name (ConvertTo-SecureString -String).
	SecretParams []string
	// SecretPositional marks every positional argument as a secret.
	SecretPositional bool

	// names are the table's lookup structures (paramNames), built on the
	// table's first use: building every table's when the package
	// initialised cost each run half a millisecond before it read a
	// script, and a run uses a few tables.
	names func() paramNames
}

// paramNames maps lower-case names and aliases (common parameters
// included) to canonical names (exact), and lists them for unique-prefix
// binding (prefixes).
type paramNames struct {
	exact    map[string]string
	prefixes []prefixEntry
}

type prefixEntry struct{ lower, canonical string }

// paramNames builds the lookup structures of a table.
func (t *commandTable) paramNames() paramNames {
	params := t.Params
	aliases := t.Aliases
	if t.Common {
		params = append(append([]string(nil), params...), commonParameters...)
		aliases = merge(aliases, commonAliases)
	}
	n := paramNames{exact: map[string]string{}}
	for a, p := range aliases {
		n.exact[a] = p
		n.exact[p] = p
		n.prefixes = append(n.prefixes, prefixEntry{a, p})
	}
	for _, p := range params { // a parameter name wins over an alias
		l := strings.ToLower(p)
		n.exact[l] = p
		n.exact[p] = p
		n.prefixes = append(n.prefixes, prefixEntry{l, p})
	}
	return n
}

var commonParameters = []string{
	"Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
	"ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
}

var commonAliases = map[string]string{
	"vb": "Verbose", "db": "Debug", "ea": "ErrorAction", "wa": "WarningAction", "infa": "InformationAction",
	"proga": "ProgressAction", "ev": "ErrorVariable", "wv": "WarningVariable", "iv": "InformationVariable",
	"ov": "OutVariable", "ob": "OutBuffer", "pv": "PipelineVariable",
}

var shouldProcess = []string{"WhatIf", "Confirm"}

var azDefaultProfileAliases = map[string]string{
	"azcontext": "DefaultProfile", "azurermcontext": "DefaultProfile", "azurecredential": "DefaultProfile",
}

func merge(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// deployScript is the canonical name of the vendor's deployment script.
const deployScript = "create_vmss_deployment.ps1"

// knownCommands are keyed by canonical name (aliases of a command share its
// table). The create_vmss_deployment.ps1 parameters are those of
// shared/reference/teams-connector.md, spelled as the vendor script writes them.
var knownCommands = func() map[string]*commandTable {
	deploy := &commandTable{
		Name: deployScript,
		Params: []string{
			"SubscriptionId", "ResourceGroupName", "VmssName", "VMAdminCredential", "PfxPath",
			"TeamsConnectorFqdn", "PexipFqdns", "instanceCount", "StaticResourcesResourceGroupName",
			"PublicIPAddressResourceName", "IncidentReporting", "Encryption", "RdpSourceAddressPrefixes",
			"PexipSourceAddressPrefixes", "TrustedAppCredential", "GuestAppCredential", "AppCredential",
		},
		Common: true,
	}
	installModule := &commandTable{
		Name: "Install-Module",
		Params: append([]string{
			"Name", "InputObject", "MinimumVersion", "MaximumVersion", "RequiredVersion", "Repository",
			"Credential", "Scope", "Proxy", "ProxyCredential", "AllowClobber", "SkipPublisherCheck", "Force",
			"AllowPrerelease", "AcceptLicense", "PassThru",
		}, shouldProcess...),
		Switches: []string{"AllowClobber", "SkipPublisherCheck", "Force", "AllowPrerelease", "AcceptLicense", "PassThru", "WhatIf", "Confirm"},
		Common:   true,
	}
	importModule := &commandTable{
		Name: "Import-Module",
		Params: []string{
			"Name", "FullyQualifiedName", "Assembly", "ModuleInfo", "Global", "Prefix", "Function", "Cmdlet",
			"Variable", "Alias", "Force", "SkipEditionCheck", "PassThru", "AsCustomObject", "MinimumVersion",
			"MaximumVersion", "RequiredVersion", "ArgumentList", "DisableNameChecking", "NoClobber", "Scope",
			"PSSession", "CimSession", "CimResourceUri", "CimNamespace", "UseWindowsPowerShell",
		},
		Aliases:  map[string]string{"version": "MinimumVersion", "args": "ArgumentList"},
		Switches: []string{"Global", "Force", "SkipEditionCheck", "PassThru", "AsCustomObject", "DisableNameChecking", "NoClobber", "UseWindowsPowerShell"},
		Common:   true,
	}
	getModule := &commandTable{
		Name: "Get-Module",
		Params: []string{
			"Name", "FullyQualifiedName", "All", "ListAvailable", "PSEdition", "SkipEditionCheck", "Refresh",
			"PSSession", "CimSession", "CimResourceUri", "CimNamespace",
		},
		Switches: []string{"All", "ListAvailable", "SkipEditionCheck", "Refresh"},
		Common:   true,
	}
	setCulture := &commandTable{
		Name:     "Set-Culture",
		Params:   append([]string{"CultureInfo"}, shouldProcess...),
		Switches: shouldProcess,
		Common:   true,
	}
	newRG := &commandTable{
		Name:     "New-AzResourceGroup",
		Params:   append([]string{"Name", "Location", "Tag", "Force", "ApiVersion", "Pre", "DefaultProfile"}, shouldProcess...),
		Aliases:  merge(map[string]string{"resourcegroupname": "Name"}, azDefaultProfileAliases),
		Switches: []string{"Force", "Pre", "WhatIf", "Confirm"},
		Common:   true,
	}
	newRMRG := *newRG
	newRMRG.Name = "New-AzureRmResourceGroup"
	setContext := &commandTable{
		Name:   "Set-AzContext",
		Params: append([]string{"Context", "Subscription", "Tenant", "Name", "Force", "Scope", "DefaultProfile", "ExtendedProperty"}, shouldProcess...),
		Aliases: merge(map[string]string{
			"subscriptionid": "Subscription", "subscriptionname": "Subscription", "tenantid": "Tenant", "domain": "Tenant",
		}, azDefaultProfileAliases),
		Switches: []string{"Force", "WhatIf", "Confirm"},
		Common:   true,
	}
	selectSub := *setContext
	selectSub.Name = "Select-AzSubscription"
	setRMContext := *setContext
	setRMContext.Name = "Set-AzureRmContext"
	selectRMSub := *setContext
	selectRMSub.Name = "Select-AzureRmSubscription"
	connect := &commandTable{
		Name: "Connect-AzAccount",
		Params: append([]string{
			"Environment", "Tenant", "AccountId", "Credential", "ServicePrincipal", "Subscription", "AuthScope",
			"ContextName", "SkipContextPopulation", "MaxContextPopulation", "Force", "Scope",
			"UseDeviceAuthentication", "Identity", "CertificateThumbprint", "ApplicationId", "AccessToken",
			"GraphAccessToken", "MicrosoftGraphAccessToken", "KeyVaultAccessToken", "FederatedToken",
			"SkipValidation", "SendCertificateChain", "CertificatePath", "CertificatePassword", "DefaultProfile",
		}, shouldProcess...),
		Aliases: merge(map[string]string{
			"tenantid": "Tenant", "domain": "Tenant", "subscriptionid": "Subscription", "subscriptionname": "Subscription",
			"devicecode": "UseDeviceAuthentication", "deviceauth": "UseDeviceAuthentication", "device": "UseDeviceAuthentication",
			"sp": "ServicePrincipal", "managedservice": "Identity", "msi": "Identity", "environmentname": "Environment",
		}, azDefaultProfileAliases),
		Switches: []string{
			"ServicePrincipal", "SkipContextPopulation", "Force", "UseDeviceAuthentication", "Identity",
			"SkipValidation", "SendCertificateChain", "WhatIf", "Confirm",
		},
		Common: true,
	}
	loginAz := *connect
	loginAz.Name = "Login-AzAccount"
	connectRM := *connect
	connectRM.Name = "Connect-AzureRmAccount"
	// The vendor module's parameter list is not public: only exact names bind.
	registerBot := &commandTable{
		Name: "Register-PexTeamsCviApplicationBot",
		Params: []string{
			"SubscriptionId", "ResourceGroupName", "BotName", "AppId", "AppPassword", "AppName",
			"AppCredential", "TeamsConnectorFqdn",
		},
		Open: true,
	}
	writeHost := &commandTable{
		Name:     "Write-Host",
		Params:   []string{"Object", "NoNewline", "Separator", "ForegroundColor", "BackgroundColor"},
		Switches: []string{"NoNewline"},
		Common:   true,
	}
	secure := &commandTable{
		Name:             "ConvertTo-SecureString",
		Params:           []string{"String", "SecureKey", "AsPlainText", "Force", "Key"},
		Switches:         []string{"AsPlainText", "Force"},
		Common:           true,
		SecretParams:     []string{"String"},
		SecretPositional: true,
	}
	// Set-Variable and New-Variable: -Value of a secret-named -Name is a
	// secret sink (commandSinks).
	setVariable := &commandTable{
		Name: "Set-Variable",
		Params: append([]string{
			"Name", "Value", "Include", "Exclude", "Description", "Option", "Force", "Visibility", "PassThru", "Scope",
		}, shouldProcess...),
		Switches: []string{"Force", "PassThru", "WhatIf", "Confirm"},
		Common:   true,
	}
	newVariable := &commandTable{
		Name:     "New-Variable",
		Params:   append([]string{"Name", "Value", "Description", "Option", "Visibility", "Force", "PassThru", "Scope"}, shouldProcess...),
		Switches: []string{"Force", "PassThru", "WhatIf", "Confirm"},
		Common:   true,
	}
	// New-Object: the password of a credential is a secret sink.
	newObject := &commandTable{
		Name:     "New-Object",
		Params:   []string{"TypeName", "ComObject", "ArgumentList", "Property", "Strict"},
		Aliases:  map[string]string{"args": "ArgumentList"},
		Switches: []string{"Strict"},
		Common:   true,
	}
	m := map[string]*commandTable{}
	for _, t := range []*commandTable{
		deploy, installModule, importModule, getModule, setCulture, newRG, &newRMRG, setContext, &selectSub,
		&setRMContext, &selectRMSub, connect, &loginAz, &connectRM, registerBot, writeHost, secure,
		setVariable, newVariable, newObject,
	} {
		t.names = sync.OnceValue(t.paramNames)
		m[t.Name] = t
	}
	return m
}()

// lookupCommand finds the table of a command by canonical name (any case).
func lookupCommand(name string) *commandTable {
	if t, ok := knownCommands[name]; ok { // the usual spelling: no allocation
		return t
	}
	for _, t := range knownCommands {
		if strings.EqualFold(t.Name, name) {
			return t
		}
	}
	// The vendor ships the deployment script under other names too
	// (`newcreate_vmss_deployment.ps1`): any *create_vmss_deployment.ps1 is it.
	if deploy := knownCommands[deployScript]; len(name) > len(deployScript) &&
		strings.EqualFold(name[len(name)-len(deployScript):], deployScript) {
		return deploy
	}
	return nil
}

// canonicalCommandName strips a path prefix from a script name
// (`.\create_vmss_deployment.ps1` → `create_vmss_deployment.ps1`) and a module
// qualifier from a cmdlet (`Az.Resources\New-AzResourceGroup`), then uses the
// canonical spelling of a known command.
func canonicalCommandName(written string) string {
	name := written
	if i := strings.LastIndexAny(name, `\/`); i >= 0 && i+1 < len(name) {
		name = name[i+1:]
	}
	if t := lookupCommand(name); t != nil {
		return t.Name
	}
	return name
}

// bindParameter maps a written parameter name (without `-` and `:`) to its
// canonical name, as PowerShell binds it: an exact name or alias wins, else
// a unique case-insensitive prefix. ok is false when nothing or more than one
// parameter matches; the caller then keeps the name as written.
func (t *commandTable) bindParameter(written string) (string, bool) {
	if t == nil || written == "" {
		return "", false
	}
	names := t.names()
	if p, ok := names.exact[written]; ok {
		return p, true
	}
	w := strings.ToLower(written)
	if p, ok := names.exact[w]; ok {
		return p, true
	}
	if t.Open {
		return "", false
	}
	match := ""
	for _, e := range names.prefixes {
		if strings.HasPrefix(e.lower, w) {
			if match != "" && match != e.canonical {
				return "", false
			}
			match = e.canonical
		}
	}
	return match, match != ""
}

// isSwitch reports whether a canonical parameter takes no value. Unknown
// commands have no switches: a parameter takes the argument after it.
func (t *commandTable) isSwitch(canonical string) bool {
	if t == nil {
		return false
	}
	if t.Common && (canonical == "Verbose" || canonical == "Debug") {
		return true
	}
	for _, s := range t.Switches {
		if s == canonical {
			return true
		}
	}
	return false
}

// isSecretParameter reports whether values passed to the parameter are
// secrets: any -*Password*/-*Secret* name, or one the table marks.
func (t *commandTable) isSecretParameter(canonical string) bool {
	if IsSecretName(canonical) {
		return true
	}
	if t == nil {
		return false
	}
	for _, p := range t.SecretParams {
		if strings.EqualFold(p, canonical) {
			return true
		}
	}
	return false
}
