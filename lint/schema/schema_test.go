package schema

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestEveryFieldTagged: every variable of every built-in profile carries
// @rule(PXnnn), so each failure maps to a rule (DESIGN: the rule is the unit).
func TestEveryFieldTagged(t *testing.T) {
	s := mustBuiltin(t)
	id := regexp.MustCompile(`^PX[0-9]{3}$`)
	for _, p := range s.Profiles() {
		fs := s.defaultVars.builtin[p]
		if len(fs.fields) == 0 {
			t.Fatalf("profile %s has no variables", p)
		}
		for name, f := range fs.fields {
			if !id.MatchString(f.rule) {
				t.Errorf("%s.%s: @rule is %q, want PXnnn", p, name, f.rule)
			}
		}
	}
}

func TestProfiles(t *testing.T) {
	s := mustBuiltin(t)
	if got := strings.Join(s.Profiles(), " "); got != "az azurerm" {
		t.Fatalf("profiles = %s", got)
	}
	az, ok := s.Profile("az")
	if !ok || az.Name != "az" || az.Module != "Az" || az.AzVersion != "4.5.0" ||
		!slices.Equal(az.BotNames, []string{"{base}-TeamsBot"}) || len(az.Apps) != 1 || az.Apps[0].Credential != "PxAppCred" {
		t.Errorf("az profile: %+v", az)
	}
	rm, ok := s.Profile("azurerm")
	if !ok || rm.Module != "AzureRM" || rm.AzVersion != "" ||
		!slices.Equal(rm.BotNames, []string{"{base}-Trusted-TeamsBot", "{base}-Guest-TeamsBot"}) || len(rm.Apps) != 2 {
		t.Errorf("azurerm profile: %+v", rm)
	}
	for _, p := range []ProfileData{az, rm} {
		if p.ResourceNames["vmss_resource_group"] != "{base}-TeamsConn-{region}-RG" ||
			p.ResourceNames["static_resource_group"] != "{base}-TeamsConn-{region}-static-RG" ||
			p.ResourceNames["public_ip"] != "{base}-TeamsConn-{region}-PIP" || p.ResourceNames["vmss"] != "{base}{region}" {
			t.Errorf("%s resource names: %v", p.Name, p.ResourceNames)
		}
		if len(p.Required) != 11 || !slices.Contains(p.Required, "PxTeamsConnFqdn") {
			t.Errorf("%s required: %v", p.Name, p.Required)
		}
		if !slices.Equal(p.Variables, s.Catalog(p.Name)) {
			t.Errorf("%s: Variables and Catalog differ", p.Name)
		}
		params := map[string]DeploymentParameter{}
		for _, d := range p.Deployment.Parameters {
			params[d.Name] = d
		}
		if params["PexipFqdns"].Variable != "PxNodeFqdns" || !params["PexipFqdns"].Mandatory ||
			params["VmssName"].Pattern != "{base}{region}" || params["Encryption"].Mandatory {
			t.Errorf("%s deployment parameters: %+v", p.Name, p.Deployment.Parameters)
		}
		for _, app := range p.Apps {
			if !slices.Contains(p.Variables, app.Credential) {
				t.Errorf("%s: app credential %s is not in the catalog", p.Name, app.Credential)
			}
		}
		for _, d := range p.Deployment.Parameters {
			if d.Variable != "" && !slices.Contains(p.Variables, d.Variable) {
				t.Errorf("%s: parameter %s is fed by %s, which is not in the catalog", p.Name, d.Name, d.Variable)
			}
		}
		for _, r := range p.Required {
			if !slices.Contains(p.Variables, r) {
				t.Errorf("%s: required %s is not in the catalog", p.Name, r)
			}
		}
	}
	// The verified variables are known in both profiles; the apps differ.
	for _, n := range []string{"PxBaseConnName", "PxWinAdminSecurePassword", "PxNodesSourceAddressPrefixes"} {
		if !slices.Contains(az.Variables, n) || !slices.Contains(rm.Variables, n) {
			t.Errorf("%s must be known in both profiles", n)
		}
	}
	if slices.Contains(az.Variables, "PxTrustedAppCred") || slices.Contains(rm.Variables, "PxAppCred") {
		t.Error("app credentials belong to one profile each")
	}
	// Callers get copies.
	az.BotNames[0] = "changed"
	az.ResourceNames["vmss"] = "changed"
	if again, _ := s.Profile("az"); again.BotNames[0] != "{base}-TeamsBot" || again.ResourceNames["vmss"] != "{base}{region}" {
		t.Error("Profile must return a copy")
	}
	if _, ok := s.Profile("nosuch"); ok || s.Catalog("nosuch") != nil {
		t.Error("unknown profile must not be found")
	}
}

// TestLocationCloud: each region's cloud is data (PX210).
func TestLocationCloud(t *testing.T) {
	s := mustBuiltin(t)
	for loc, want := range map[string]string{
		"usgovarizona": "AzureUSGovernment", "USGov Texas": "AzureUSGovernment", "usdodeast": "AzureUSGovernment",
		"westeurope": "AzureCloud", "West Europe": "AzureCloud", "westeurope2": "", "": "",
	} {
		if got := s.LocationCloud(loc); got != want {
			t.Errorf("LocationCloud(%q) = %q, want %q", loc, got, want)
		}
	}
}

// Regions lists the built-in Azure regions' short names, sorted: what
// TestRegions checks #AzureRegions against (the engine looks regions up).
func (s *Schema) Regions() []string {
	out := make([]string, 0, len(s.regions))
	for _, r := range s.regions {
		out = append(out, r.Name)
	}
	sort.Strings(out)
	return out
}

func TestRegions(t *testing.T) {
	s := mustBuiltin(t)
	regions := s.Regions()
	for _, want := range []string{
		"westeurope", "northeurope", "uksouth", "ukwest", "eastus", "eastus2", "westus", "westus2", "westus3",
		"centralus", "northcentralus", "southcentralus", "westcentralus", "canadacentral", "canadaeast",
		"brazilsouth", "francecentral", "germanywestcentral", "norwayeast", "swedencentral", "switzerlandnorth",
		"polandcentral", "italynorth", "spaincentral", "australiaeast", "australiasoutheast", "southeastasia",
		"eastasia", "japaneast", "japanwest", "koreacentral", "centralindia", "southindia", "southafricanorth",
		"uaenorth", "qatarcentral", "israelcentral", "mexicocentral", "newzealandnorth",
		"usgovarizona", "usgovtexas", "usgovvirginia", // Azure Government: GCC High hosts the connector in the first two
	} {
		if !slices.Contains(regions, want) {
			t.Errorf("region %s missing", want)
		}
		if got := s.Validate("az", map[string]any{"PxAzureLocation": want}, Options{}); len(got) != 0 {
			t.Errorf("%s: %+v", want, got)
		}
	}
	seen := map[string]bool{}
	for _, r := range s.regions {
		for _, n := range []string{strings.ToLower(r.Name), strings.ToLower(r.Display)} {
			if seen[n] {
				t.Errorf("duplicate region name %q", n)
			}
			seen[n] = true
		}
		if got := s.Validate("az", map[string]any{"PxAzureLocation": r.Display}, Options{}); len(got) != 1 || got[0].Fix != `$PxAzureLocation = "`+r.Name+`"` {
			t.Errorf("display name %q: %+v", r.Display, got)
		}
	}
}
