package schema

import (
	"fmt"
	"maps"
	"strings"

	"cuelang.org/go/cue"
)

// ProfileData is a profile's data from #Profiles (schemas/profiles.cue),
// without the variables' constraints. Name patterns use {base} for
// $PxBaseConnName and {region} for $PxVmssRegion. The JSON names are the
// ones the engine copies into the policy input.
type ProfileData struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	// Module is the Azure PowerShell module of the release: "Az" or "AzureRM".
	Module string `json:"module"`
	// AzVersion is the Az version the release requires (PX401); "" for AzureRM.
	AzVersion string `json:"az_version"`
	// Variables is the catalog (Catalog), sorted.
	Variables []string `json:"variables"`
	// Required are the variables PX501 requires.
	Required []string `json:"required"`
	Apps     []App    `json:"apps"`
	// BotNames are the derived bot-name patterns (PX208).
	BotNames []string `json:"bot_names"`
	// ResourceNames are derived name patterns by role: vmss_resource_group,
	// static_resource_group, bot_resource_group, vmss, public_ip.
	ResourceNames map[string]string `json:"resource_names"`
	Deployment    Deployment        `json:"deployment"`
	// Unconfirmed are catalog names no public source confirms (explain PX005).
	Unconfirmed []string `json:"-"`
}

// ResourceName expands the profile's name pattern of a role (a key of
// ResourceNames) for a base name and region tag; "" for an unknown role.
// Rego expands the same patterns from the policy input (derived.rego).
func (d ProfileData) ResourceName(role, base, region string) string {
	pattern, ok := d.ResourceNames[role]
	if !ok {
		return ""
	}
	return strings.NewReplacer("{base}", base, "{region}", region).Replace(pattern)
}

// App is an Azure AD application the release's script creates.
type App struct {
	Role        string `json:"role"`         // "cvi", "trusted", "guest"
	Credential  string `json:"credential"`   // variable holding its credential
	DisplayName string `json:"display_name"` // pattern
}

// Deployment describes the create_vmss_deployment.ps1 call.
type Deployment struct {
	Script     string                `json:"script"`
	Parameters []DeploymentParameter `json:"parameters"`
}

// DeploymentParameter is one parameter of the deployment call: fed by
// Variable, or with a value of the form Pattern.
type DeploymentParameter struct {
	Name      string `json:"name"`
	Variable  string `json:"variable,omitempty"`
	Pattern   string `json:"pattern,omitempty"`
	Mandatory bool   `json:"mandatory"`
}

// decodeProfile reads every field of a #Profiles entry but `variables`
// (which holds constraints, not data).
func decodeProfile(name string, v cue.Value) (ProfileData, error) {
	var d ProfileData
	fields := []struct {
		path string
		dst  any
	}{
		{"name", &d.Name},
		{"description", &d.Description},
		{"module", &d.Module},
		{"az_version", &d.AzVersion},
		{"required", &d.Required},
		{"apps", &d.Apps},
		{"bot_names", &d.BotNames},
		{"resource_names", &d.ResourceNames},
		{"deployment", &d.Deployment},
		{"unconfirmed", &d.Unconfirmed},
	}
	for _, f := range fields {
		if err := v.LookupPath(cue.ParsePath(f.path)).Decode(f.dst); err != nil {
			return ProfileData{}, fmt.Errorf("schema: #Profiles.%s.%s: %w", name, f.path, positioned(err))
		}
	}
	return d, nil
}

// clone returns a deep copy, so callers cannot change the schema's data.
func (d ProfileData) clone() ProfileData {
	c := d
	c.Variables = append([]string(nil), d.Variables...)
	c.Required = append([]string(nil), d.Required...)
	c.Apps = append([]App(nil), d.Apps...)
	c.BotNames = append([]string(nil), d.BotNames...)
	c.ResourceNames = maps.Clone(d.ResourceNames)
	c.Deployment.Parameters = append([]DeploymentParameter(nil), d.Deployment.Parameters...)
	return c
}
