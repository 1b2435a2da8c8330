package model

import "testing"

func TestDetectProfile(t *testing.T) {
	cmd := func(name string, params map[string]any, positional ...any) Command {
		c := Command{Name: name}
		for k, v := range params {
			c.Parameters = append(c.Parameters, Parameter{Name: k, Value: &Argument{Value: v}})
		}
		for _, v := range positional {
			c.Positional = append(c.Positional, Argument{Value: v})
		}
		return c
	}
	for _, tc := range []struct {
		name         string
		in           *Input
		want, source string
	}{
		{"nil input", nil, "az", "default"},
		{"empty", &Input{}, "az", "default"},
		{"requires Az", &Input{Requires: []RequiredModule{{Name: "Az"}}}, "az", "script"},
		{"requires Az.Accounts", &Input{Requires: []RequiredModule{{Name: "Az.Accounts"}}}, "az", "script"},
		{"requires AzureRM", &Input{Requires: []RequiredModule{{Name: "AzureRM"}}}, "azurerm", "script"},
		{"import AzureRM positional", &Input{Commands: []Command{cmd("Import-Module", nil, "AzureRM")}}, "azurerm", "script"},
		{"install Az by name", &Input{Commands: []Command{cmd("Install-Module", map[string]any{"Name": "Az"})}}, "az", "script"},
		{"install list", &Input{Commands: []Command{cmd("Install-Module", map[string]any{"Name": []any{"AzureRM.Profile", "AzureRM.Resources"}})}}, "azurerm", "script"},
		{"azure module is neither", &Input{Commands: []Command{cmd("Import-Module", nil, "Azure")}}, "az", "default"},
		{"trusted and guest variables", &Input{Variables: map[string]*Variable{"PxTrustedAppCred": {}, "PxGuestAppCred": {}}}, "azurerm", "script"},
		{"only trusted", &Input{Variables: map[string]*Variable{"PxTrustedAppCred": {}}}, "az", "default"},
		{"deploy with TrustedAppCredential", &Input{Commands: []Command{cmd("create_vmss_deployment.ps1", map[string]any{"TrustedAppCredential": nil})}}, "azurerm", "script"},
		{"deploy with AppCredential", &Input{Commands: []Command{cmd("create_vmss_deployment.ps1", map[string]any{"AppCredential": nil})}}, "az", "script"},
		{"cvi bot", &Input{Commands: []Command{cmd("Register-PexTeamsCviApplicationBot", nil)}}, "az", "script"},
		{"modules win over apps", &Input{
			Requires:  []RequiredModule{{Name: "AzureRM"}},
			Variables: map[string]*Variable{"PxAppCred": {}},
			Commands:  []Command{cmd("create_vmss_deployment.ps1", map[string]any{"AppCredential": nil})},
		}, "azurerm", "script"},
		{"both modules fall back to apps", &Input{
			Requires: []RequiredModule{{Name: "AzureRM"}, {Name: "Az"}},
			Commands: []Command{cmd("create_vmss_deployment.ps1", map[string]any{"AppCredential": nil})},
		}, "az", "script"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, src := DetectProfile(tc.in)
			if got != tc.want || src != tc.source {
				t.Errorf("DetectProfile = %q, %q; want %q, %q", got, src, tc.want, tc.source)
			}
		})
	}
}
