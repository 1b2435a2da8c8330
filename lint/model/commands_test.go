package model

import "testing"

func TestCanonicalCommandName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`.\create_vmss_deployment.ps1`, "create_vmss_deployment.ps1"},
		{`./Create_VMSS_Deployment.ps1`, "create_vmss_deployment.ps1"},
		{`C:\pexip\create_vmss_deployment.ps1`, "create_vmss_deployment.ps1"},
		{`.\newcreate_vmss_deployment.ps1`, "create_vmss_deployment.ps1"}, // the vendor's newer scripts
		{`.\my_create_vmss_deployment.ps1.bak`, "my_create_vmss_deployment.ps1.bak"},
		{`install-module`, "Install-Module"},
		{`Az.Resources\New-AzResourceGroup`, "New-AzResourceGroup"},
		{`select-azsubscription`, "Select-AzSubscription"},
		{`Get-Credential`, "Get-Credential"},
		{`.\other.ps1`, "other.ps1"},
		{`trailing\`, `trailing\`},
	} {
		if got := canonicalCommandName(tc.in); got != tc.want {
			t.Errorf("canonicalCommandName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBindParameter(t *testing.T) {
	for _, tc := range []struct {
		command, written, want string
		ok                     bool
	}{
		{"create_vmss_deployment.ps1", "PfxPath", "PfxPath", true},
		{"create_vmss_deployment.ps1", "pfx", "PfxPath", true},
		{"create_vmss_deployment.ps1", "INSTANCECOUNT", "instanceCount", true},
		{"create_vmss_deployment.ps1", "in", "", false}, // instanceCount, IncidentReporting
		{"create_vmss_deployment.ps1", "Inc", "IncidentReporting", true},
		{"create_vmss_deployment.ps1", "AppCred", "AppCredential", true},
		{"create_vmss_deployment.ps1", "Tr", "TrustedAppCredential", true},
		{"create_vmss_deployment.ps1", "Nope", "", false},
		{"create_vmss_deployment.ps1", "", "", false},
		{"create_vmss_deployment.ps1", "Verb", "Verbose", true},
		{"create_vmss_deployment.ps1", "ea", "ErrorAction", true},
		{"Install-Module", "name", "Name", true},
		{"Install-Module", "RequiredV", "RequiredVersion", true},
		{"Install-Module", "R", "", false}, // Repository, RequiredVersion
		{"Import-Module", "Version", "MinimumVersion", true},
		{"Import-Module", "Min", "MinimumVersion", true},
		{"New-AzResourceGroup", "ResourceGroupName", "Name", true},
		{"New-AzResourceGroup", "Loc", "Location", true},
		{"Set-AzContext", "SubscriptionId", "Subscription", true},
		{"Set-AzContext", "Sub", "Subscription", true}, // both the parameter and its aliases
		{"Set-Culture", "c", "", false},                // CultureInfo, Confirm
		{"Set-Culture", "cu", "CultureInfo", true},
		{"Register-PexTeamsCviApplicationBot", "appid", "AppId", true},
		{"Register-PexTeamsCviApplicationBot", "App", "", false}, // open table: no prefixes
	} {
		tab := lookupCommand(tc.command)
		if tab == nil {
			t.Fatalf("no table for %s", tc.command)
		}
		got, ok := tab.bindParameter(tc.written)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s -%s = %q, %v; want %q, %v", tc.command, tc.written, got, ok, tc.want, tc.ok)
		}
	}
}

func TestIsSecretParameter(t *testing.T) {
	secure := lookupCommand("ConvertTo-SecureString")
	connect := lookupCommand("Connect-AzAccount")
	for _, tc := range []struct {
		tab  *commandTable
		p    string
		want bool
	}{
		{secure, "String", true},
		{secure, "Force", false},
		{connect, "CertificatePassword", true},
		{connect, "Tenant", false},
		{nil, "AppPassword", true},
		{nil, "Name", false},
	} {
		if got := tc.tab.isSecretParameter(tc.p); got != tc.want {
			t.Errorf("isSecretParameter(%q) = %v, want %v", tc.p, got, tc.want)
		}
	}
}
