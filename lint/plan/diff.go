package plan

import (
	"fmt"
	"strings"
)

// Change is one difference between two plans of the same regional script.
type Change struct {
	// What names the setting ("region tag", "instance count", ...).
	What     string `json:"what"`
	Variable string `json:"variable"`
	Old      string `json:"old"`
	New      string `json:"new"`
	// Identity is true for a change PX602 reports: the next run creates a
	// new deployment instead of upgrading the existing one.
	Identity bool `json:"identity"`
	// Why says what the change does to the existing deployment.
	Why string `json:"why"`
	// Line and File locate the new assignment (File for a dot-sourced fragment).
	Line int    `json:"line,omitempty"`
	File string `json:"file,omitempty"`
}

// identity lists the settings that decide which deployment a run upgrades
// (RULES.md PX602), with what changing each does.
var identity = []struct {
	what string
	get  func(*Plan) Value
	norm func(string) string
	why  string
}{
	{"base name", func(p *Plan) Value { return p.Deployment.BaseName }, strings.ToLower,
		"every resource name derives from it: the next run creates new resource groups, scale set, public IP and bots instead of upgrading, and leaves the old ones behind"},
	{"region tag", func(p *Plan) Value { return p.Deployment.Region }, strings.ToLower,
		"the resource groups, scale set and public IP names derive from it: the next run creates a second deployment and leaves the old one behind"},
	{"subscription", func(p *Plan) Value { return p.Deployment.Subscription }, strings.ToLower,
		"the next run deploys into another subscription: a new deployment, and the existing one stays behind"},
	{"VMSS resource group", func(p *Plan) Value { return groupValue(p, "vmss") }, strings.ToLower,
		"the next run creates the scale set in a new resource group and leaves the old one running"},
	{"static resource group", func(p *Plan) Value { return groupValue(p, "static") }, strings.ToLower,
		"it holds the public IP and Key Vault: a new one means a new public IP, so a new DNS record and a new admin consent"},
	{"Teams Connector FQDN", func(p *Plan) Value { return p.Deployment.FQDN }, normFQDN,
		"a new FQDN needs a new certificate and DNS record, a new consent, and a new Teams Connector address in Pexip Infinity"},
	{"Azure location", func(p *Plan) Value { return p.Deployment.Location }, normLocation,
		"resources cannot move between regions: the next run fails on the existing names or builds a second deployment elsewhere"},
}

// upgrade lists the settings an upgrade normally changes: plain changes.
var upgrade = []struct {
	what string
	get  func(*Plan) Value
}{
	{"instance count", func(p *Plan) Value { return p.Deployment.Instances }},
	{"Conferencing Node FQDNs", func(p *Plan) Value { return p.Deployment.NodeFQDNs }},
	{"certificate file", func(p *Plan) Value { return p.Deployment.CertFile }},
	{"incident reporting", func(p *Plan) Value { return p.Deployment.IncidentReporting }},
	{"disk encryption", func(p *Plan) Value { return p.Deployment.DiskEncryption }},
}

func normFQDN(s string) string { return strings.TrimSuffix(strings.ToLower(s), ".") }

// normLocation compares "westeurope" and "West Europe" as the same region,
// as Azure Resource Manager does.
func normLocation(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "")) }

// groupValue is a resource group's name as a Value (its variable's).
func groupValue(p *Plan, role string) Value {
	for _, g := range p.ResourceGroups {
		if g.Role == role {
			return Value{Variable: g.Variable, Status: g.Status, Value: g.Name, Line: g.Line, File: g.File}
		}
	}
	return Value{Status: StatusMissing}
}

// Compare lists what changed from old to new: identity changes first (in
// the order of RULES.md PX602), then plain changes.
func Compare(old, new *Plan) []Change {
	out := []Change{}
	changed := map[string]int{} // variable → index in out of its identity change
	for _, f := range identity {
		o, n := f.get(old), f.get(new)
		if o.Status == StatusKnown && n.Status == StatusKnown {
			switch {
			case f.norm(o.Value) != f.norm(n.Value):
				if root, ok := derivedFrom(new, n.Variable, changed); ok {
					// A resource group built from a changed base name or
					// region: one problem, owned by the variable to edit.
					out[root].Why += fmt.Sprintf("; with it the %s becomes %q (was %q)", f.what, n.Value, o.Value)
					continue
				}
				changed[n.Variable] = len(out)
				out = append(out, Change{What: f.what, Variable: n.Variable, Old: o.Value, New: n.Value, Identity: true, Why: f.why, Line: n.Line, File: n.File})
			case o.Value != n.Value:
				out = append(out, Change{What: f.what, Variable: n.Variable, Old: o.Value, New: n.Value, Line: n.Line, File: n.File,
					Why: "the same value spelt differently (case, or a location's display name): Azure reads it as the same, so the same deployment is upgraded"})
			}
			continue
		}
		if o.Status != n.Status || o.Value != n.Value {
			out = append(out, Change{What: f.what, Variable: n.Variable, Old: o.Shown(), New: n.Shown(), Line: n.Line, File: n.File,
				Why: "cannot be compared statically: check by hand that it names the existing deployment"})
		}
	}
	for _, f := range upgrade {
		o, n := f.get(old), f.get(new)
		if o.Status == n.Status && o.Value == n.Value {
			continue
		}
		out = append(out, Change{What: f.what, Variable: n.Variable, Old: o.Shown(), New: n.Shown(), Line: n.Line, File: n.File,
			Why: "normal in an upgrade"})
	}
	for i := range new.NetworkRules {
		if i >= len(old.NetworkRules) {
			break
		}
		o, n := old.NetworkRules[i], new.NetworkRules[i]
		if os, ns := prefixes(o), prefixes(n); os != ns {
			c := Change{What: fmt.Sprintf("source prefixes of port %d", n.Port), Variable: n.Variable, Old: os, New: ns, Why: "normal in an upgrade"}
			if n.OpenToInternet && !o.OpenToInternet {
				c.Why = "normal in an upgrade, but the port is now open to the Internet"
			}
			out = append(out, c)
		}
	}
	if old.Profile != new.Profile {
		out = append(out, Change{What: "release profile", Old: old.Profile, New: new.Profile, Why: "a new release's template: check its release notes"})
	}
	return out
}

// derivedFrom finds, for a resource-group variable whose expression uses a
// variable with an identity change already listed, that change's index.
func derivedFrom(p *Plan, variable string, changed map[string]int) (int, bool) {
	for _, g := range p.ResourceGroups {
		if g.Variable == "" || g.Variable != variable {
			continue
		}
		for _, from := range g.From {
			if i, ok := changed[from]; ok && from != variable {
				return i, true
			}
		}
	}
	return 0, false
}

// prefixes writes a rule's evaluated sources as one comparable line.
func prefixes(r NetworkRule) string {
	if r.Status != StatusKnown {
		return "<" + r.Status + ">"
	}
	if len(r.Sources) == 0 {
		if r.OpenToInternet {
			return "(none: open to the Internet)"
		}
		return "(none)"
	}
	parts := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		parts[i] = s.Prefix
		if s.Prefix == "" {
			parts[i] = s.Written
		}
	}
	return strings.Join(parts, ", ")
}

// Identity returns only the changes PX602 reports.
func Identity(changes []Change) []Change {
	var out []Change
	for _, c := range changes {
		if c.Identity {
			out = append(out, c)
		}
	}
	return out
}
