package lint

import (
	"fmt"
	"strings"

	"github.com/pxlint/pxlint/lint/model"
)

// summarize extracts what PX206 (deployment-collision) compares across the
// scripts of a repository. The derived names come from the script's
// profile (schemas/profiles.cue resource_names), as Rego derives this
// script's own (derived.rego).
func (e *engine) summarize(s *script) model.ScriptSummary {
	in := s.res.Input
	str := func(name string) (string, int) {
		v := lookupVariable(in, name)
		if v == nil {
			return "", 0
		}
		if x, ok := v.Value.(string); ok && v.Kind == model.KindString {
			return x, v.Line
		}
		return "", 0
	}
	sum := model.ScriptSummary{File: s.path.display}
	sum.SubscriptionID, _ = str("PxSubscriptionId")
	sum.TeamsConnFqdn, sum.TeamsConnFqdnLine = str("PxTeamsConnFqdn")
	sum.ResourceGroup, sum.ResourceGroupLine = str("PxTeamsConnResourceGroupName")
	sum.StaticResourceGroup, sum.StaticResourceGroupLine = str("PxTeamsConnStaticResourceGroupName")
	base, baseLine := str("PxBaseConnName")
	region, _ := str("PxVmssRegion")
	sum.BaseConnNameLine = baseLine
	name, _ := e.profile(s)
	if pd, ok := e.schema.Profile(name); ok && base != "" && region != "" {
		sum.VmssName = pd.ResourceName("vmss", base, region)
		sum.PublicIPName = pd.ResourceName("public_ip", base, region)
	}
	return sum
}

// identityVariables decide which deployment a script is: where their values
// were assigned (file and line) identifies it.
var identityVariables = []string{"PxSubscriptionId", "PxTeamsConnFqdn", "PxBaseConnName", "PxVmssRegion",
	"PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName"}

// identity names a deployment by the assignments its identity values come
// from, so that two scripts reaching the same assignments (two wrappers
// dot-sourcing one variables file) are one deployment, while a copy with
// the same values written elsewhere is another (a PX206 collision). It is
// "" when no identity value is assigned.
func identity(s *script) string {
	var b strings.Builder
	any := false
	for _, name := range identityVariables {
		v := lookupVariable(s.res.Input, name)
		if v == nil {
			b.WriteString("-\x00")
			continue
		}
		any = true
		file := s.path.abs
		if v.File != "" && v.File != s.res.Input.File {
			file = s.path.resolve(v.File)
		}
		fmt.Fprintf(&b, "%s:%d\x00", file, v.Line)
	}
	if !any {
		return ""
	}
	return b.String()
}
