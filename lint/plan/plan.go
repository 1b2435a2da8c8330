// Package plan builds the read-only preview of one regional deployment that
// `pxlint plan` prints, and compares two of them (`pxlint diff`, and PX602
// for `pxlint lint --against`). A plan is built from the same policy input
// the rules judge (lint/model) and from the names policies/derived.rego
// derives, never from a second evaluation of the script, so the preview and
// the findings cannot disagree. It holds no secret: only the variables that
// name, place, size and open the deployment are read, and a secret-kind
// value is shown as "secret", never as its text.
package plan

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// SchemaVersion identifies the JSON shape (schemas/plan.schema.json); bump
// it on any breaking change.
const SchemaVersion = "pxlint-plan/v1"

// Capacity figures from the vendor's scaling guidance, as recorded in
// docs/reference/plan.md: each Teams Connector instance takes at most 16
// calls, and capacity should be planned at 15.
const (
	CallsPerInstance        = 16
	PlannedCallsPerInstance = 15
	CapacitySource          = "Pexip docs, teams_scaling.htm (docs/reference/plan.md)"
)

// Value statuses.
const (
	StatusKnown   = "known"   // evaluated statically
	StatusUnknown = "unknown" // needs execution (Read-Host, a cmdlet, a branch)
	StatusMissing = "missing" // not assigned, or empty
	StatusSecret  = "secret"  // a secret: never shown
	StatusBroken  = "broken"  // assigned, but a rule owns its shape (derived names are not shown)
)

// Plan is the preview of one regional deployment.
type Plan struct {
	File           string          `json:"file"`
	Profile        string          `json:"profile"`
	Deployment     Deployment      `json:"deployment"`
	ResourceGroups []ResourceGroup `json:"resource_groups"`
	// Tenant lists what the deployment creates outside any resource group:
	// the Azure AD applications.
	Tenant       []Resource    `json:"tenant"`
	NetworkRules []NetworkRule `json:"network_rules"`
	DNS          DNSRecord     `json:"dns"`
	Consent      Consent       `json:"consent"`
	// Certificates is empty when no certificate was read (no --cert,
	// --node-cert or readable $PxPfxCertFileName).
	Certificates []Coverage `json:"certificates"`
	Capacity     Capacity   `json:"capacity"`
	Verdict      Verdict    `json:"verdict"`
}

// Value is one setting of the script, with where it was written.
type Value struct {
	Variable string `json:"variable"`
	Status   string `json:"status"`
	Value    string `json:"value,omitempty"`
	// Line (and File, for a dot-sourced fragment) locate the last assignment.
	Line   int    `json:"line,omitempty"`
	File   string `json:"file,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Shown is the value as a plan prints it: the value, or its status in angle brackets.
func (v Value) Shown() string {
	if v.Status == StatusKnown {
		return v.Value
	}
	return "<" + v.Status + ">"
}

// Deployment is the identity of the deployment: what decides whether the
// next run upgrades it or creates another (PX602).
type Deployment struct {
	BaseName     Value `json:"base_name"`
	Region       Value `json:"region"`
	Subscription Value `json:"subscription"`
	Location     Value `json:"location"`
	FQDN         Value `json:"fqdn"`
	NodeFQDNs    Value `json:"node_fqdns"`
	Instances    Value `json:"instances"`
	CertFile     Value `json:"certificate_file"`
	// IncidentReporting and DiskEncryption are "true", "false" or a status.
	IncidentReporting Value `json:"incident_reporting"`
	DiskEncryption    Value `json:"disk_encryption"`
}

// ResourceGroup is one resource group the deployment creates or reuses.
type ResourceGroup struct {
	// Role is "vmss", "static" or "bot_channel".
	Role string `json:"role"`
	Name string `json:"name,omitempty"`
	// Variable is the $Px variable that names it ("" for the bot channel
	// group, which the deployment derives itself).
	Variable string `json:"variable,omitempty"`
	// Rule is the naming rule of the release (profile pattern).
	Rule string `json:"rule"`
	// Written is the script's own expression for a variable-named group.
	Written string   `json:"written,omitempty"`
	From    []string `json:"from"`
	// Status is the status of the name (known, unknown, missing, broken).
	Status string `json:"status"`
	// Line and File locate the variable's assignment.
	Line int    `json:"line,omitempty"`
	File string `json:"file,omitempty"`
	// Lifetime says what happens to the group across upgrades.
	Lifetime  string     `json:"lifetime"`
	Resources []Resource `json:"resources"`
}

// Resource is one Azure resource (or Azure AD object).
type Resource struct {
	Kind string `json:"kind"`
	// Name is "" when it cannot be derived (a broken or unknown base name,
	// or a name the deployment script chooses itself; Note says which).
	Name  string   `json:"name,omitempty"`
	Rule  string   `json:"rule"`
	From  []string `json:"from"`
	Scope string   `json:"scope"`
	Note  string   `json:"note,omitempty"`
}

// NetworkRule is one inbound NSG rule the script's variables control.
type NetworkRule struct {
	Name     string   `json:"name"`
	Port     int      `json:"port"`
	Protocol string   `json:"protocol"`
	Variable string   `json:"variable"`
	Status   string   `json:"status"`
	Sources  []Source `json:"sources"`
	// OpenToInternet is true when any source matches every address (an
	// empty list on 443, 0.0.0.0/0, *, Internet, Any).
	OpenToInternet bool `json:"open_to_internet"`
	// Blocked is true when the rule admits no one (RDP with @()).
	Blocked bool   `json:"blocked"`
	Note    string `json:"note,omitempty"`
}

// Source is one evaluated source prefix of a network rule.
type Source struct {
	// Prefix is the evaluated value; "" for an element that is not a usable
	// string (a bare address is $null in PowerShell), with Written its text.
	Prefix  string `json:"prefix"`
	Written string `json:"written"`
	Kind    string `json:"kind"`
	// From names the variable an appended element came from (`+ $PxMgmtSrcAddrPrefixes`).
	From string `json:"from,omitempty"`
	Line int    `json:"line,omitempty"`
	File string `json:"file,omitempty"`
}

// DNSRecord is the record the admin must create after the deployment.
type DNSRecord struct {
	Name   string `json:"name,omitempty"`
	Type   string `json:"type"`
	Target string `json:"target"`
	Note   string `json:"note"`
}

// Consent is where the admin grants consent after the deployment.
type Consent struct {
	URL  string `json:"url,omitempty"`
	Note string `json:"note"`
}

// Coverage says which certificate names cover one host name.
type Coverage struct {
	Host     string      `json:"host"`
	Variable string      `json:"variable"`
	Role     string      `json:"role"` // "teams" or "node"
	Covered  bool        `json:"covered"`
	By       []CoveredBy `json:"covered_by"`
}

// CoveredBy is one certificate DNS name that covers a host.
type CoveredBy struct {
	Cert string `json:"cert"`
	Name string `json:"name"`
}

// Capacity is the call capacity of the deployment.
type Capacity struct {
	Instances        int    `json:"instances"`
	Status           string `json:"status"`
	CallsPerInstance int    `json:"calls_per_instance"`
	PlannedPerInst   int    `json:"planned_calls_per_instance"`
	MaxCalls         int    `json:"max_calls"`
	PlannedCalls     int    `json:"planned_calls"`
	Source           string `json:"source"`
}

// Verdict is the rules' verdict on the script, in one line.
type Verdict struct {
	Ready       bool          `json:"ready"`
	Summary     string        `json:"summary"`
	Errors      int           `json:"errors"`
	Warnings    int           `json:"warnings"`
	Infos       int           `json:"infos"`
	NotVerified []NotVerified `json:"not_verified"`
}

// NotVerified is a rule the admin must still check by hand.
type NotVerified struct {
	RuleID string `json:"rule_id"`
	Title  string `json:"title"`
	Reason string `json:"reason"`
}

// Derived is the result of policies/derived.rego's plan rule (lint/policy
// Derived): names by role, bots and apps, each with its pattern, and the
// certificate coverage.
type Derived map[string]any

// Build makes the plan of one script from its policy input, the derived
// names and its lint result (nil: no verdict).
func Build(in *model.Input, d Derived, fr *finding.FileResult) *Plan {
	p := &Plan{File: in.File, Profile: in.Profile}
	p.Deployment = deployment(in)
	p.ResourceGroups, p.Tenant = resources(in, d)
	p.NetworkRules = networkRules(in)
	p.DNS = dnsRecord(p)
	p.Consent = consent(p)
	p.Certificates = coverage(d)
	p.Capacity = capacity(p.Deployment.Instances)
	p.Verdict = verdict(fr)
	return p
}

func lookup(in *model.Input, name string) *model.Variable {
	if v, ok := in.Variables[name]; ok {
		return v
	}
	for k, v := range in.Variables {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return nil
}

// value reads one variable as a plan shows it.
func value(in *model.Input, name string) Value {
	out := Value{Variable: name, Status: StatusMissing}
	v := lookup(in, name)
	if v == nil {
		return out
	}
	out.Line, out.File = v.Line, v.File
	if out.File == in.File {
		out.File = ""
	}
	switch v.Kind {
	case model.KindSecret:
		out.Status = StatusSecret
		return out
	case model.KindUnknown:
		out.Status, out.Reason = StatusUnknown, v.Reason
		return out
	}
	if (v.Quote == "single" || v.Quote == "here-single") && strings.Contains(fmt.Sprint(v.Value), "$") {
		// PX003's: PowerShell keeps the text literally.
		out.Status, out.Reason = StatusBroken, "single-quoted: PowerShell does not expand it (PX003)"
		return out
	}
	s, ok := scalar(v.Value)
	if !ok || strings.TrimSpace(s) == "" {
		if v.Quote == "" && v.Text != "" && v.Kind != model.KindString && v.Kind != model.KindBool {
			out.Status, out.Reason = StatusBroken, "not a usable value as written: "+v.Text
			return out
		}
		return out
	}
	out.Status, out.Value = StatusKnown, s
	return out
}

// scalar writes a string, number or bool value as text.
func scalar(x any) (string, bool) {
	switch t := x.(type) {
	case string:
		return t, true
	case bool:
		return strconv.FormatBool(t), true
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64), true
	case int:
		return strconv.Itoa(t), true
	case int64:
		return strconv.FormatInt(t, 10), true
	}
	return "", false
}

func deployment(in *model.Input) Deployment {
	return Deployment{
		BaseName:          value(in, "PxBaseConnName"),
		Region:            value(in, "PxVmssRegion"),
		Subscription:      value(in, "PxSubscriptionId"),
		Location:          value(in, "PxAzureLocation"),
		FQDN:              value(in, "PxTeamsConnFqdn"),
		NodeFQDNs:         value(in, "PxNodeFqdns"),
		Instances:         value(in, "PxTeamsConnInstanceCount"),
		CertFile:          value(in, "PxPfxCertFileName"),
		IncidentReporting: value(in, "PxTeamsConnIncidentReporting"),
		DiskEncryption:    value(in, "PxTeamsConnDiskEncryption"),
	}
}

// pxRef finds the $Px variables an expression uses ($PxX, $($PxX), ${PxX}).
var pxRef = regexp.MustCompile(`\$[({]?\$?([Pp][Xx][A-Za-z0-9_]+)`)

func usedVariables(in *model.Input, text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range pxRef.FindAllStringSubmatch(text, -1) {
		name := m[1]
		if v := lookup(in, name); v != nil {
			name = v.Name
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// patternVariables are the variables a profile pattern uses.
func patternVariables(pattern string) []string {
	out := []string{}
	if strings.Contains(pattern, "{base}") {
		out = append(out, "PxBaseConnName")
	}
	if strings.Contains(pattern, "{region}") {
		out = append(out, "PxVmssRegion")
	}
	return out
}

// name reads names[role] of the derived plan (the name, "" when it could
// not be derived) and the role's pattern.
func (d Derived) name(role string) (name, pattern string) {
	names, _ := d["names"].(map[string]any)
	m, _ := names[role].(map[string]any)
	name, _ = m["name"].(string)
	patterns, _ := d["patterns"].(map[string]any)
	pattern, _ = patterns[role].(string)
	return name, pattern
}

func (d Derived) list(key string) []map[string]any {
	var out []map[string]any
	l, _ := d[key].([]any)
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func resources(in *model.Input, d Derived) ([]ResourceGroup, []Resource) {
	named := func(role string) Resource {
		n, pat := d.name(role)
		r := Resource{Name: n, Rule: pat, From: patternVariables(pat)}
		if n == "" {
			r.Note = "not derived: $PxBaseConnName or $PxVmssRegion is not usable (see the findings)"
		}
		return r
	}
	group := func(role, variable, nameRole, lifetime string) ResourceGroup {
		v := value(in, variable)
		_, pat := d.name(nameRole)
		g := ResourceGroup{Role: role, Variable: variable, Rule: pat, Status: v.Status, Lifetime: lifetime, From: []string{variable}, Line: v.Line, File: v.File}
		if v.Status == StatusKnown {
			g.Name = v.Value
		}
		if x := lookup(in, variable); x != nil && x.Kind != model.KindSecret {
			g.Written = x.Text
			if used := usedVariables(in, x.Text); len(used) > 0 {
				g.From = used
			}
		}
		return g
	}

	vmss := group("vmss", "PxTeamsConnResourceGroupName", "vmss_resource_group",
		"Replaced by each upgrade: the deployment deletes and recreates what it holds")
	set := named("vmss")
	set.Kind, set.Scope = "virtual machine scale set", "resource group"
	set.Note = joinNote(set.Note, fmt.Sprintf("%s instance(s); Windows computer names start with this name", value(in, "PxTeamsConnInstanceCount").Shown()))
	vmss.Resources = []Resource{
		set,
		{Kind: "load balancer, network security group, virtual network", Scope: "resource group", Rule: "chosen by create_vmss_deployment.ps1", From: []string{},
			Note: "named by the deployment script, not by a variable"},
		{Kind: "storage account", Scope: "global", Rule: "chosen by create_vmss_deployment.ps1", From: []string{},
			Note: "3-24 lower-case letters and digits, unique in Azure; named by the deployment script"},
	}

	static := group("static", "PxTeamsConnStaticResourceGroupName", "static_resource_group",
		"Kept across upgrades: the public IP (hence the DNS record and the consent) and the Key Vault live here")
	pip := named("public_ip")
	pip.Kind, pip.Scope = "public IP address", "resource group"
	pip.Note = joinNote(pip.Note, "its address and DNS name are what the Teams Connector FQDN's DNS record points at")
	static.Resources = []Resource{
		pip,
		{Kind: "key vault", Scope: "global", Rule: "chosen by create_vmss_deployment.ps1", From: []string{},
			Note: "holds the certificate; 3-24 characters, unique in Azure, reserved 90 days after deletion"},
	}

	botRG := named("bot_resource_group")
	bot := ResourceGroup{Role: "bot_channel", Name: botRG.Name, Rule: botRG.Rule, From: botRG.From, Status: StatusKnown,
		Lifetime: "Created once for every region of this base name"}
	if botRG.Name == "" {
		bot.Status = StatusBroken
	}
	for _, b := range d.list("bots") {
		n, _ := b["name"].(string)
		pat, _ := b["pattern"].(string)
		bot.Resources = append(bot.Resources, Resource{Kind: "bot (Azure Bot Service)", Name: n, Rule: pat, From: patternVariables(pat), Scope: "global",
			Note: "2-64 characters, unique across Azure"})
	}
	if len(bot.Resources) == 0 {
		bot.Resources = []Resource{{Kind: "bot (Azure Bot Service)", Scope: "global", From: []string{"PxBaseConnName"}, Rule: "{base}…",
			Note: "not derived: $PxBaseConnName is not usable (see the findings)"}}
	}

	var tenant []Resource
	for _, a := range d.list("apps") {
		n, _ := a["name"].(string)
		pat, _ := a["pattern"].(string)
		role, _ := a["role"].(string)
		tenant = append(tenant, Resource{Kind: "Azure AD application (" + role + ")", Name: n, Rule: pat, From: patternVariables(pat), Scope: "tenant"})
	}
	if len(tenant) == 0 {
		tenant = []Resource{{Kind: "Azure AD application", Scope: "tenant", Rule: "chosen by the app registration cmdlet", From: []string{},
			Note: "display name chosen by the release's registration cmdlet"}}
	}
	return []ResourceGroup{vmss, static, bot}, tenant
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// anyAddress are the source values that match every address.
var anyAddress = map[string]bool{"0.0.0.0/0": true, "*": true, "internet": true, "any": true}

func networkRules(in *model.Input) []NetworkRule {
	https := rule(in, "HTTPS from Conferencing Nodes (and the consent workstation)", 443, "PxNodesSourceAddressPrefixes")
	if len(https.Sources) == 0 && https.Status != StatusUnknown {
		https.OpenToInternet = true
		https.Note = "no source prefixes: port 443 is open to the whole Internet (PX107)"
	}
	rdp := rule(in, "RDP from management networks", 3389, "PxMgmtSrcAddrPrefixes")
	if len(rdp.Sources) == 0 && rdp.Status != StatusUnknown {
		rdp.Blocked = true
		rdp.Note = "no source prefixes: RDP is always blocked"
	}
	for _, r := range []*NetworkRule{&https, &rdp} {
		for _, s := range r.Sources {
			if anyAddress[strings.ToLower(s.Prefix)] {
				r.OpenToInternet = true
				r.Note = joinNote(r.Note, s.Prefix+" admits every address: open to the Internet")
			}
		}
	}
	return []NetworkRule{https, rdp}
}

func rule(in *model.Input, name string, port int, variable string) NetworkRule {
	r := NetworkRule{Name: name, Port: port, Protocol: "TCP", Variable: variable, Status: StatusMissing, Sources: []Source{}}
	v := lookup(in, variable)
	if v == nil {
		return r
	}
	switch v.Kind {
	case model.KindUnknown:
		r.Status, r.Note = StatusUnknown, "the prefixes need execution: "+v.Reason
		return r
	case model.KindSecret:
		r.Status = StatusSecret
		return r
	case model.KindArray:
		r.Status = StatusKnown
		for _, el := range v.Elements {
			s := Source{Written: el.Text, Kind: el.Kind, From: el.From, Line: el.Line, File: el.File}
			if s.File == in.File {
				s.File = ""
			}
			if x, ok := el.Value.(string); ok {
				s.Prefix = x
			}
			if s.Prefix == "" && s.Kind != model.ElementBare && strings.Trim(s.Written, `"' `) == "" {
				// "" in the template's @("","") admits no one: leave it out.
				continue
			}
			r.Sources = append(r.Sources, s)
		}
	default:
		r.Status = StatusKnown
		if x, ok := v.Value.(string); ok && strings.TrimSpace(x) != "" {
			s := Source{Prefix: x, Written: v.Text, Kind: model.ElementQuoted, Line: v.Line, File: v.File}
			if s.File == in.File {
				s.File = ""
			}
			r.Sources = append(r.Sources, s)
		} else if v.Quote == "" && v.Text != "" {
			r.Sources = append(r.Sources, Source{Written: v.Text, Kind: model.ElementBare, Line: v.Line})
		}
	}
	return r
}

func dnsRecord(p *Plan) DNSRecord {
	pip := ""
	for _, g := range p.ResourceGroups {
		for _, r := range g.Resources {
			if r.Kind == "public IP address" {
				pip = r.Name
			}
		}
	}
	rec := DNSRecord{Type: "CNAME",
		Note: "create it after the deployment, in the zone of the FQDN; the deployment prints the public IP's DNS name (an A record to its address works too)"}
	if p.Deployment.FQDN.Status == StatusKnown {
		rec.Name = p.Deployment.FQDN.Value
	}
	switch {
	case pip == "":
		rec.Target = "the DNS name of the public IP (not derived)"
	case p.Deployment.Location.Status == StatusKnown:
		rec.Target = fmt.Sprintf("the DNS name of public IP %s (…%s.cloudapp.azure.com)", pip, strings.ToLower(strings.ReplaceAll(p.Deployment.Location.Value, " ", "")))
	default:
		rec.Target = "the DNS name of public IP " + pip
	}
	return rec
}

func consent(p *Plan) Consent {
	c := Consent{Note: "open it after the DNS record resolves, from a workstation whose address is in $PxNodesSourceAddressPrefixes (the consent page is served on 443 by the Teams Connector); the deployment prints the exact link"}
	if p.Deployment.FQDN.Status == StatusKnown {
		c.URL = "https://" + strings.TrimSuffix(p.Deployment.FQDN.Value, ".") + "/"
	}
	return c
}

func coverage(d Derived) []Coverage {
	out := []Coverage{}
	for _, m := range d.list("certificates") {
		c := Coverage{By: []CoveredBy{}}
		c.Host, _ = m["host"].(string)
		c.Variable, _ = m["variable"].(string)
		c.Role, _ = m["role"].(string)
		by, _ := m["covered_by"].([]any)
		for _, x := range by {
			b, _ := x.(map[string]any)
			cb := CoveredBy{}
			cb.Cert, _ = b["cert"].(string)
			cb.Name, _ = b["name"].(string)
			c.By = append(c.By, cb)
		}
		sort.Slice(c.By, func(i, j int) bool {
			if c.By[i].Cert != c.By[j].Cert {
				return c.By[i].Cert < c.By[j].Cert
			}
			return c.By[i].Name < c.By[j].Name
		})
		c.Covered = len(c.By) > 0
		out = append(out, c)
	}
	return out
}

func capacity(inst Value) Capacity {
	c := Capacity{Status: inst.Status, CallsPerInstance: CallsPerInstance, PlannedPerInst: PlannedCallsPerInstance, Source: CapacitySource}
	if inst.Status != StatusKnown {
		return c
	}
	n, err := strconv.Atoi(strings.TrimSpace(inst.Value))
	if err != nil || n < 0 || n > 1000 {
		c.Status = StatusBroken
		return c
	}
	c.Instances = n
	c.MaxCalls = n * CallsPerInstance
	c.PlannedCalls = n * PlannedCallsPerInstance
	return c
}

func verdict(fr *finding.FileResult) Verdict {
	v := Verdict{NotVerified: []NotVerified{}}
	if fr == nil {
		v.Summary = "not judged"
		return v
	}
	for _, f := range fr.Findings {
		if f.Suppressed() {
			continue
		}
		switch f.Severity {
		case finding.SeverityError:
			v.Errors++
		case finding.SeverityWarning:
			v.Warnings++
		case finding.SeverityInfo:
			v.Infos++
		}
	}
	for _, st := range fr.Statuses {
		if st.Status != finding.StatusNotVerified {
			continue
		}
		title := st.RuleID
		if r, ok := rules.Get(st.RuleID); ok {
			title = r.Title
		}
		v.NotVerified = append(v.NotVerified, NotVerified{RuleID: st.RuleID, Title: title, Reason: st.Reason})
	}
	sort.Slice(v.NotVerified, func(i, j int) bool { return v.NotVerified[i].RuleID < v.NotVerified[j].RuleID })
	v.Ready = v.Errors == 0
	switch {
	case v.Errors == 1:
		v.Summary = "1 error blocks this deployment"
	case v.Errors > 1:
		v.Summary = fmt.Sprintf("%d errors block this deployment", v.Errors)
	default:
		v.Summary = "ready to deploy"
	}
	if v.Warnings > 0 {
		v.Summary += fmt.Sprintf(" (%d warning%s)", v.Warnings, plural(v.Warnings))
	}
	if n := len(v.NotVerified); n > 0 {
		v.Summary += fmt.Sprintf("; %d check%s not verified", n, plural(n))
	}
	return v
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
