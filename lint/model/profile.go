package model

import "strings"

// Profiles (DESIGN, Contracts: Profiles).
const (
	ProfileAz      = "az"
	ProfileAzureRM = "azurerm"
)

// DetectProfile tells the connector release family from what the script
// says: the modules it requires, installs or imports (AzureRM or Az/Az.*),
// then its apps (Trusted and Guest app credentials mean azurerm; one CVI app
// means az). source is "script" when the script told, else "default" with
// profile "az".
func DetectProfile(in *Input) (profile, source string) {
	if in == nil {
		return ProfileAz, "default"
	}
	rm, az := false, false
	note := func(module string) {
		switch m := strings.ToLower(strings.TrimSpace(module)); {
		case m == "azurerm" || strings.HasPrefix(m, "azurerm."):
			rm = true
		case m == "az" || strings.HasPrefix(m, "az."):
			az = true
		}
	}
	for _, r := range in.Requires {
		note(r.Name)
	}
	for _, c := range in.Commands {
		switch c.Name {
		case "Install-Module", "Import-Module":
		default:
			continue
		}
		for _, p := range c.Parameters {
			if p.Name == "Name" && p.Value != nil {
				forEachString(p.Value.Value, note)
			}
		}
		if len(c.Positional) > 0 {
			forEachString(c.Positional[0].Value, note)
		}
	}
	switch {
	case rm && !az:
		return ProfileAzureRM, "script"
	case az && !rm:
		return ProfileAz, "script"
	}

	// Modules did not decide: look at the apps.
	trusted, guest, single := false, false, false
	for name := range in.Variables {
		n := strings.ToLower(name)
		switch {
		case strings.Contains(n, "trustedapp"):
			trusted = true
		case strings.Contains(n, "guestapp"):
			guest = true
		}
	}
	for _, c := range in.Commands {
		if c.Name == "Register-PexTeamsCviApplicationBot" {
			single = true
		}
		if c.Name != "create_vmss_deployment.ps1" {
			continue
		}
		for _, p := range c.Parameters {
			switch p.Name {
			case "TrustedAppCredential", "GuestAppCredential":
				trusted, guest = true, true
			case "AppCredential":
				single = true
			}
		}
	}
	switch {
	case trusted && guest && !single:
		return ProfileAzureRM, "script"
	case single && (!trusted || !guest):
		return ProfileAz, "script"
	}
	return ProfileAz, "default"
}

// forEachString calls f for a string value or each string of an array value.
func forEachString(v any, f func(string)) {
	switch x := v.(type) {
	case string:
		for _, part := range strings.Split(x, ",") {
			f(part)
		}
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				f(s)
			}
		}
	}
}
