package infinity

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/infinity/pyre"
)

// Settings are the assumptions the checks rest on, as data the config (the
// `infinity { }` block of .pxlint.hcl) and flags can change.
type Settings struct {
	// TeamsDomains are the domains callers dial Teams meetings at
	// (<id>@<domain>); the domains of Teams Virtual Reception aliases are added.
	TeamsDomains []string
	// ExpectedTenantIDs are the tenants where the Pexip app was consented.
	ExpectedTenantIDs []string
	// TenantSource says where ExpectedTenantIDs came from: "flag", "config" or "".
	TenantSource string
	// IDLengths is the [min, max] number of digits of a Teams VTC
	// conference ID: 9–12 per the troubleshooting page [V]; third parties
	// write 9–13 [V-3p].
	IDLengths [2]int
	// AllowBacktracking evaluates patterns RE2 cannot run with regexp2
	// (a .NET-style engine), as approximate results.
	AllowBacktracking bool
}

// DefaultIDLengths is the seed's "9 to 12-digit" conference ID.
var DefaultIDLengths = [2]int{9, 12}

// Script is what the cross-checks (PX707, PX709, PX710) need of one
// variables script.
type Script struct {
	File          string   `json:"file"`
	TeamsConnFqdn string   `json:"teams_conn_fqdn"`
	NodeFqdns     []string `json:"node_fqdns"`
	NodePrefixes  []string `json:"node_prefixes"`
	// Unknown names the variables whose values could not be evaluated
	// statically (Read-Host, a cmdlet call): the checks that need them are
	// not_verified rather than judged on an empty value.
	Unknown []string `json:"unknown"`
}

// Input is the policy input of the PX7xx policies (policies/px7xx_infinity.rego).
// Every text taken from the export passes through escape.Text; secret values
// never enter it (Secrets lists where they are, not what they are).
type Input struct {
	Kind           string       `json:"kind"` // "infinity"
	Export         string       `json:"export"`
	Missing        []string     `json:"missing"`
	Config         InputConfig  `json:"config"`
	ScriptsGiven   bool         `json:"scripts_given"`
	Scripts        []Script     `json:"scripts"`
	Samples        []Sample     `json:"samples"`
	Rules          []Rule       `json:"rules"`
	Receptions     []Reception  `json:"receptions"`
	Connectors     []Connector  `json:"connectors"`
	Locations      []Location   `json:"locations"`
	Nodes          []Node       `json:"nodes"`
	Dangling       []Dangling   `json:"dangling"`
	Secrets        []Secret     `json:"secrets"`
	CACertificates []CACert     `json:"ca_certificates"`
	Global         *GlobalFacts `json:"global"`
}

// InputConfig echoes the settings the policies use.
type InputConfig struct {
	TeamsDomains      []string `json:"teams_domains"`
	ExpectedTenantIDs []string `json:"expected_tenant_ids"`
	TenantSource      string   `json:"tenant_source"`
	IDLengths         [2]int   `json:"teams_id_lengths"`
}

// Sample is a dial string a caller may use for a Teams meeting.
type Sample struct {
	Alias  string `json:"alias"`
	ID     string `json:"id"`
	Domain string `json:"domain"` // "" for the bare ID
	// Service is the name of a service whose alias equals the sample
	// (aliases win over Call Routing Rules), "" when none.
	Service string `json:"service"`
}

// PatternFacts is the dialect verdict on one regex field.
type PatternFacts struct {
	Field       string   `json:"field"`
	Source      string   `json:"source"`
	Kind        string   `json:"kind"` // translatable, backtracking, invalid
	Problems    []string `json:"problems"`
	Mistakes    []string `json:"mistakes"`
	Evaluable   bool     `json:"evaluable"`
	Approximate bool     `json:"approximate"`
	// TemplateField and TemplateError: the replace template's Python error.
	TemplateField string `json:"template_field"`
	TemplateError string `json:"template_error"`
	Dollar        bool   `json:"dollar"`
}

// Route is one location a call may leave from and the connector it then uses.
type Route struct {
	Location     string `json:"location"` // key, "" when unknown
	LocationName string `json:"location_name"`
	Connector    string `json:"connector"` // key, "" when none
}

// Rule is a gateway_routing_rule with its resolved facts.
type Rule struct {
	At               string          `json:"at"`
	Name             string          `json:"name"`
	Priority         int             `json:"priority"`
	Enable           bool            `json:"enable"`
	Teams            bool            `json:"teams"`
	CalledDeviceType string          `json:"called_device_type"`
	OutgoingProtocol string          `json:"outgoing_protocol"`
	IncomingCalls    bool            `json:"match_incoming_calls"`
	Protocols        map[string]bool `json:"protocols"`
	OnlyIfRegistered bool            `json:"match_incoming_only_if_registered"`
	FullAlias        bool            `json:"match_string_full"`
	LiveCaptions     string          `json:"live_captions_enabled"`
	MatchString      string          `json:"match_string"`
	ReplaceString    string          `json:"replace_string"`
	Patterns         []PatternFacts  `json:"patterns"`
	// Evaluated is true when Matches and Results are known; Matches[i] and
	// Results[i] are for Samples[i].
	Evaluated   bool     `json:"evaluated"`
	Approximate bool     `json:"approximate"`
	Matches     []bool   `json:"matches"`
	Results     []string `json:"results"`
	// TeamsProxy is the rule's own connector key; OutgoingLocation its location.
	TeamsProxy       string  `json:"teams_proxy"`
	OutgoingLocation string  `json:"outgoing_location"`
	SourceLocation   string  `json:"match_source_location"`
	Automatic        bool    `json:"automatic"`
	Routes           []Route `json:"routes"`
}

// IDCheck is one conference ID through a Virtual Reception's regexes.
type IDCheck struct {
	ID          string `json:"id"`
	Matched     bool   `json:"matched"`
	Result      string `json:"result"`
	PostMatched bool   `json:"post_matched"`
	PostResult  string `json:"post_result"`
}

// Alias is a service alias.
type Alias struct {
	At     string `json:"at"`
	Alias  string `json:"alias"`
	Domain string `json:"domain"`
	// ShadowedRules names gateway rules whose pattern also matches the alias.
	ShadowedRules []string `json:"shadowed_rules"`
}

// Reception is a Teams Virtual Reception (two_stage_dialing, teams).
type Reception struct {
	At             string         `json:"at"`
	Name           string         `json:"name"`
	TeamsProxy     string         `json:"teams_proxy"`
	LookupLocation string         `json:"lookup_location"`
	Automatic      bool           `json:"automatic"`
	Routes         []Route        `json:"routes"`
	Aliases        []Alias        `json:"aliases"`
	Patterns       []PatternFacts `json:"patterns"`
	Evaluated      bool           `json:"evaluated"`
	IDs            []IDCheck      `json:"ids"`
}

// Connector is a teams_proxy with its tenant and paired script.
type Connector struct {
	At          string `json:"at"`
	Key         string `json:"key"`
	Name        string `json:"name"`
	Address     string `json:"address"`
	Port        int    `json:"port"`
	TenantSet   bool   `json:"tenant_set"`
	TenantFound bool   `json:"tenant_found"`
	TenantAt    string `json:"tenant_at"`
	TenantID    string `json:"tenant_id"`
	TenantName  string `json:"tenant_name"`
	Script      string `json:"script"`
}

// Location is a system_location with its nodes.
type Location struct {
	At        string   `json:"at"`
	Key       string   `json:"key"`
	Name      string   `json:"name"`
	Connector string   `json:"connector"`
	Nodes     []string `json:"nodes"`
}

// Node is a worker_vm.
type Node struct {
	At              string   `json:"at"`
	Key             string   `json:"key"`
	Name            string   `json:"name"`
	FQDN            string   `json:"fqdn"`
	Address         string   `json:"address"`
	StaticNAT       string   `json:"static_nat_address"`
	NodeType        string   `json:"node_type"`
	MaintenanceMode bool     `json:"maintenance_mode"`
	Location        string   `json:"location"`
	PoolNames       []string `json:"pool_names"`
}

// Dangling is a reference to an object the export does not hold.
type Dangling struct {
	At     string `json:"at"`
	Field  string `json:"field"`
	Target string `json:"target"`
	Ref    string `json:"ref"`
}

// Secret says where a secret sits; never what it is.
type Secret struct {
	At    string `json:"at"`
	Field string `json:"field"`
	What  string `json:"what"`
}

// CACert is a ca_certificate's AIA facts.
type CACert struct {
	At       string   `json:"at"`
	Subject  string   `json:"subject"`
	HTTPAIA  []string `json:"http_aia"`
	Unparsed bool     `json:"unparsed"`
	// Checked is true when the URLs were fetched (--online, by the engine);
	// HTTPSRedirects lists those that redirect to https.
	Checked        bool     `json:"checked"`
	HTTPSRedirects []string `json:"https_redirects"`
	// raw are the URLs as read, for fetching (HTTPAIA is escaped for output).
	raw []string
}

// AIAURLs lists the http:// caIssuers URLs of a CA certificate, as read.
func (c *CACert) AIAURLs() []string { return c.raw }

// GlobalFacts is the global settings object.
type GlobalFacts struct {
	At                   string `json:"at"`
	EnableApplicationAPI *bool  `json:"enable_application_api"`
}

// at is how an input element names its place: file#pointer.
func at(o *Object, field string) string { return o.File + "#" + o.FieldPointer(field) }

// BuildInput resolves the graph and precomputes what Rego cannot do (Python
// regexes, PEM parsing) into the policy input.
func BuildInput(e *Export, s Settings, scripts []Script) *Input {
	if s.IDLengths == [2]int{} {
		s.IDLengths = DefaultIDLengths
	}
	in := &Input{Kind: "infinity", Export: escape.Text(e.Path), ScriptsGiven: len(scripts) > 0, Scripts: scripts,
		Config: InputConfig{TeamsDomains: lower(s.TeamsDomains), ExpectedTenantIDs: lower(s.ExpectedTenantIDs), TenantSource: s.TenantSource, IDLengths: s.IDLengths}}
	if in.Scripts == nil {
		in.Scripts = []Script{}
	}
	for _, r := range Required {
		if !e.Present[r] {
			in.Missing = append(in.Missing, r)
		}
	}
	for _, r := range []string{"tls_certificate", "ca_certificate", "global"} {
		if !e.Present[r] {
			in.Missing = append(in.Missing, r)
		}
	}
	b := &builder{e: e, s: s, in: in}
	b.locations()
	b.nodes()
	b.connectors(scripts)
	b.samples()
	b.rules()
	b.receptions()
	b.dangling()
	b.secrets()
	b.caCerts()
	b.global()
	return in
}

type builder struct {
	e  *Export
	s  Settings
	in *Input
	// locWithNodes lists location keys that have nodes, in export order.
	locWithNodes []string
	locName      map[string]string
	locConnector map[string]string
}

func lower(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, strings.ToLower(strings.TrimSuffix(strings.TrimSpace(x), ".")))
	}
	return out
}

func (b *builder) locations() {
	b.locName, b.locConnector = map[string]string{}, map[string]string{}
	for _, o := range b.e.Objects["system_location"] {
		l := Location{At: at(o, ""), Key: o.key(), Name: escape.Text(o.Str("name")), Nodes: []string{}}
		if k, ok := o.Ref("teams_proxy", "teams_proxy"); ok && b.e.Lookup(k) != nil {
			l.Connector = k
		}
		b.locName[l.Key], b.locConnector[l.Key] = l.Name, l.Connector
		b.in.Locations = append(b.in.Locations, l)
	}
}

func (b *builder) nodes() {
	idx := map[string]int{}
	for i, l := range b.in.Locations {
		idx[l.Key] = i
	}
	for _, o := range b.e.Objects["worker_vm"] {
		n := Node{At: at(o, ""), Key: o.key(), Name: escape.Text(o.Str("name")), Address: escape.Text(o.Str("address")),
			StaticNAT: escape.Text(o.Str("static_nat_address")), NodeType: strings.ToUpper(o.Str("node_type")),
			MaintenanceMode: o.Bool("maintenance_mode", false), PoolNames: []string{}}
		host, dom := strings.TrimSuffix(o.Str("hostname"), "."), strings.TrimSuffix(o.Str("domain"), ".")
		switch {
		case host != "" && dom != "":
			n.FQDN = strings.ToLower(host + "." + dom)
		case host != "":
			n.FQDN = strings.ToLower(host)
		}
		n.FQDN = escape.Text(n.FQDN)
		if k, ok := o.Ref("system_location", "system_location"); ok {
			n.Location = k
			if i, ok := idx[k]; ok {
				b.in.Locations[i].Nodes = append(b.in.Locations[i].Nodes, n.Key)
			}
		}
		if k, ok := o.Ref("tls_certificate", "tls_certificate"); ok {
			if c := b.e.Lookup(k); c != nil {
				n.PoolNames = certNames(c.Str("certificate"))
			}
		}
		b.in.Nodes = append(b.in.Nodes, n)
	}
	for _, l := range b.in.Locations {
		if len(l.Nodes) > 0 {
			b.locWithNodes = append(b.locWithNodes, l.Key)
		}
	}
}

// certNames are the DNS names of the first certificate of a PEM bundle.
func certNames(pemText string) []string {
	out := []string{}
	blk, _ := pem.Decode([]byte(pemText))
	if blk == nil || blk.Type != "CERTIFICATE" {
		return out
	}
	c, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		return out
	}
	for _, n := range append([]string{c.Subject.CommonName}, c.DNSNames...) {
		if n != "" {
			out = append(out, escape.Text(strings.ToLower(n)))
		}
	}
	return out
}

func normFQDN(s string) string { return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), ".")) }

func (b *builder) connectors(scripts []Script) {
	for _, o := range b.e.Objects["teams_proxy"] {
		c := Connector{At: at(o, ""), Key: o.key(), Name: escape.Text(o.Str("name")), Address: escape.Text(o.Str("address")), Port: o.Int("port", 443)}
		if k, ok := o.Ref("azure_tenant", "azure_tenant"); ok {
			c.TenantSet = true
			c.TenantAt = at(o, "azure_tenant")
			if t := b.e.Lookup(k); t != nil {
				c.TenantFound = true
				c.TenantAt = at(t, "tenant_id")
				c.TenantID = escape.Text(strings.TrimSpace(t.Str("tenant_id")))
				c.TenantName = escape.Text(t.Str("name"))
			}
		} else {
			c.TenantAt = at(o, "azure_tenant")
		}
		for _, s := range scripts {
			if s.TeamsConnFqdn != "" && normFQDN(s.TeamsConnFqdn) == normFQDN(o.Str("address")) {
				c.Script = s.File
				break
			}
		}
		b.in.Connectors = append(b.in.Connectors, c)
	}
}

// samples builds the dial strings: for each ID length, one ID, bare and at
// each Teams domain (configured, plus the domains of Teams VR aliases).
func (b *builder) samples() {
	domains := map[string]bool{}
	for _, d := range b.in.Config.TeamsDomains {
		if d != "" {
			domains[d] = true
		}
	}
	for _, o := range b.e.Objects["conference"] {
		if !isTeamsVR(o) {
			continue
		}
		for _, a := range b.aliasesOf(o) {
			if _, d, ok := strings.Cut(a.Str("alias"), "@"); ok && d != "" {
				domains[strings.ToLower(d)] = true
			}
		}
	}
	var ds []string
	for d := range domains {
		ds = append(ds, d)
	}
	sort.Strings(ds)
	services := map[string]string{}
	for _, o := range b.e.Objects["conference"] {
		for _, a := range b.aliasesOf(o) {
			services[strings.ToLower(a.Str("alias"))] = escape.Text(o.Str("name"))
		}
	}
	for _, id := range b.ids() {
		for _, d := range append([]string{""}, ds...) {
			alias := id
			if d != "" {
				alias = id + "@" + d
			}
			b.in.Samples = append(b.in.Samples, Sample{Alias: escape.Text(alias), ID: id, Domain: escape.Text(d), Service: services[alias]})
		}
	}
}

// ids are one conference ID per length.
func (b *builder) ids() []string {
	const digits = "123456789012345678901234"
	lo, hi := b.s.IDLengths[0], b.s.IDLengths[1]
	if lo < 1 {
		lo = 1
	}
	if hi > len(digits) {
		hi = len(digits)
	}
	var out []string
	for n := lo; n <= hi; n++ {
		out = append(out, digits[:n])
	}
	return out
}

func isTeamsVR(o *Object) bool {
	return o.Str("service_type") == "two_stage_dialing" && o.Str("two_stage_dial_type") == "teams"
}

func isTeamsRule(o *Object) bool {
	t := o.Str("called_device_type")
	return t == "teams_conference" || t == "teams_user" || o.Str("outgoing_protocol") == "teams"
}

// aliasesOf lists a conference's aliases: nested, plus conference_alias
// objects that point at it.
func (b *builder) aliasesOf(o *Object) []*Object {
	out := o.List("aliases")
	seen := map[string]bool{}
	for _, a := range out {
		seen[strings.ToLower(a.Str("alias"))] = true
	}
	key := o.key()
	for _, a := range b.e.Objects["conference_alias"] {
		if k, ok := a.Ref("conference", "conference"); ok && k == key && !seen[strings.ToLower(a.Str("alias"))] {
			out = append(out, a)
		}
	}
	return out
}

// pattern classifies a regex field and its template.
func (b *builder) pattern(o *Object, field, tmplField string) (PatternFacts, *pyre.Pattern) {
	src := o.Str(field)
	p := pyre.Compile(src, b.s.AllowBacktracking)
	f := PatternFacts{Field: field, Source: escape.Text(src), Kind: p.Kind.String(), Problems: esc(p.Problems), Mistakes: esc(p.Mistakes),
		Evaluable: p.Evaluable(), Approximate: p.Approximate(), TemplateField: tmplField}
	if tmplField != "" && p.Kind != pyre.Invalid {
		if t := o.Str(tmplField); t != "" {
			tm, err := pyre.ParseTemplate(t, p)
			if err != nil {
				f.TemplateError = escape.Text(err.Error())
			} else {
				f.Dollar = tm.Dollar
			}
		}
	}
	return f, p
}

func esc(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, escape.Text(x))
	}
	return out
}

// routes resolves where a call leaves from and its connector (§1.10): the
// object's own connector wins; else each candidate location's.
func (b *builder) routes(own, location string, candidates []string) []Route {
	var locs []string
	if location != "" {
		locs = []string{location}
	} else {
		locs = candidates
	}
	out := []Route{}
	for _, l := range locs {
		r := Route{Location: l, LocationName: b.locName[l], Connector: own}
		if own == "" {
			r.Connector = b.locConnector[l]
		}
		out = append(out, r)
	}
	if len(out) == 0 && own != "" {
		out = append(out, Route{Connector: own})
	}
	return out
}

func (b *builder) ref(o *Object, field, target string) string {
	k, ok := o.Ref(field, target)
	if !ok || b.e.Lookup(k) == nil {
		return ""
	}
	return k
}

func (b *builder) rules() {
	for _, o := range b.e.Objects["gateway_routing_rule"] {
		r := Rule{At: at(o, ""), Name: escape.Text(o.Str("name")), Priority: o.Int("priority", 100), Enable: o.Bool("enable", true),
			Teams: isTeamsRule(o), CalledDeviceType: escape.Text(o.Str("called_device_type")), OutgoingProtocol: escape.Text(o.Str("outgoing_protocol")),
			IncomingCalls: o.Bool("match_incoming_calls", true), OnlyIfRegistered: o.Bool("match_incoming_only_if_registered", false),
			FullAlias: o.Bool("match_string_full", false), LiveCaptions: escape.Text(o.Str("live_captions_enabled")),
			MatchString: escape.Text(o.Str("match_string")), ReplaceString: escape.Text(o.Str("replace_string")),
			Protocols: map[string]bool{
				"sip": o.Bool("match_incoming_sip", true), "h323": o.Bool("match_incoming_h323", true),
				"webrtc": o.Bool("match_incoming_webrtc", true), "mssip": o.Bool("match_incoming_mssip", true),
				"teams": o.Bool("match_incoming_teams", false),
			}}
		pf, p := b.pattern(o, "match_string", "replace_string")
		r.Patterns = []PatternFacts{pf}
		r.Evaluated = p.Evaluable() && pf.TemplateError == ""
		r.Approximate = p.Approximate()
		r.Matches, r.Results = make([]bool, len(b.in.Samples)), make([]string, len(b.in.Samples))
		if r.Evaluated {
			for i, smp := range b.in.Samples {
				res, ok, err := pyre.Apply(p, o.Str("replace_string"), smp.Alias)
				if err != nil {
					r.Evaluated = false
					break
				}
				r.Matches[i], r.Results[i] = ok, escape.Text(res)
			}
		}
		r.TeamsProxy = b.ref(o, "teams_proxy", "teams_proxy")
		r.OutgoingLocation = b.ref(o, "outgoing_location", "system_location")
		r.SourceLocation = b.ref(o, "match_source_location", "system_location")
		r.Automatic = r.OutgoingLocation == ""
		candidates := b.locWithNodes
		if r.SourceLocation != "" {
			candidates = []string{r.SourceLocation}
		}
		r.Routes = b.routes(r.TeamsProxy, r.OutgoingLocation, candidates)
		b.in.Rules = append(b.in.Rules, r)
	}
}

// rulePatterns keeps each rule's compiled pattern for the VR alias check.
func (b *builder) receptions() {
	type compiled struct {
		name string
		p    *pyre.Pattern
	}
	var rulePats []compiled
	for _, o := range b.e.Objects["gateway_routing_rule"] {
		if o.Bool("enable", true) {
			rulePats = append(rulePats, compiled{escape.Text(o.Str("name")), pyre.Compile(o.Str("match_string"), b.s.AllowBacktracking)})
		}
	}
	for _, o := range b.e.Objects["conference"] {
		if !isTeamsVR(o) {
			continue
		}
		v := Reception{At: at(o, ""), Name: escape.Text(o.Str("name")), Aliases: []Alias{}}
		v.TeamsProxy = b.ref(o, "teams_proxy", "teams_proxy")
		v.LookupLocation = b.ref(o, "system_location", "system_location")
		v.Automatic = v.LookupLocation == ""
		v.Routes = b.routes(v.TeamsProxy, v.LookupLocation, b.locWithNodes)
		for _, a := range b.aliasesOf(o) {
			al := Alias{At: at(a, "alias"), Alias: escape.Text(a.Str("alias")), ShadowedRules: []string{}}
			_, al.Domain, _ = strings.Cut(al.Alias, "@")
			for _, rp := range rulePats {
				if _, ok, err := rp.p.FullMatch(a.Str("alias")); ok && err == nil {
					al.ShadowedRules = append(al.ShadowedRules, rp.name)
				}
			}
			v.Aliases = append(v.Aliases, al)
		}
		mf, mp := b.pattern(o, "match_string", "replace_string")
		pf, pp := b.pattern(o, "post_match_string", "post_replace_string")
		v.Patterns = []PatternFacts{mf, pf}
		v.Evaluated = (o.Str("match_string") == "" || (mp.Evaluable() && mf.TemplateError == "")) &&
			(o.Str("post_match_string") == "" || (pp.Evaluable() && pf.TemplateError == ""))
		if v.Evaluated {
			for _, id := range b.ids() {
				c := IDCheck{ID: id, Matched: true, Result: id, PostMatched: true}
				if o.Str("match_string") != "" {
					res, ok, _ := pyre.Apply(mp, o.Str("replace_string"), id)
					c.Matched, c.Result = ok, escape.Text(res)
				}
				c.PostResult = c.Result
				if o.Str("post_match_string") != "" && c.Matched {
					res, ok, _ := pyre.Apply(pp, o.Str("post_replace_string"), c.Result)
					c.PostMatched = ok
					if ok {
						c.PostResult = escape.Text(res)
					}
				}
				v.IDs = append(v.IDs, c)
			}
		}
		b.in.Receptions = append(b.in.Receptions, v)
	}
}

// refFields are the reference fields the checks follow (PX701).
var refFields = []struct{ resource, field, target string }{
	{"gateway_routing_rule", "teams_proxy", "teams_proxy"},
	{"gateway_routing_rule", "outgoing_location", "system_location"},
	{"gateway_routing_rule", "match_source_location", "system_location"},
	{"conference", "teams_proxy", "teams_proxy"},
	{"conference", "system_location", "system_location"},
	{"teams_proxy", "azure_tenant", "azure_tenant"},
	{"system_location", "teams_proxy", "teams_proxy"},
	{"worker_vm", "system_location", "system_location"},
	{"worker_vm", "tls_certificate", "tls_certificate"},
}

func (b *builder) dangling() {
	for _, rf := range refFields {
		if !b.e.Present[rf.target] {
			continue // cannot tell; the rules that need it are not_verified
		}
		for _, o := range b.e.Objects[rf.resource] {
			k, ok := o.Ref(rf.field, rf.target)
			if !ok || b.e.Lookup(k) != nil {
				continue
			}
			b.in.Dangling = append(b.in.Dangling, Dangling{At: at(o, rf.field), Field: rf.resource + "." + rf.field, Target: rf.target,
				Ref: escape.Text(strings.TrimPrefix(k, "?"))})
		}
	}
}

// secrets lists fields that hold secrets, by name or by content (an Event
// Hub connection string with a SharedAccessKey). Values never leave here.
func (b *builder) secrets() {
	for _, r := range sortedResources(b.e.Objects) {
		for _, o := range b.e.Objects[r] {
			for _, k := range o.n.keys {
				v := o.n.fields[k]
				if v.kind != 's' || strings.TrimSpace(v.str) == "" {
					continue
				}
				lk := strings.ToLower(k)
				what := ""
				switch {
				case strings.Contains(strings.ToLower(v.str), "sharedaccesskey="):
					what = "an Event Hub SharedAccessKey"
				case strings.Contains(v.str, "PRIVATE KEY-----") || lk == "private_key":
					what = "a private key"
				case strings.Contains(lk, "password") || strings.Contains(lk, "passphrase") || strings.Contains(lk, "secret"):
					what = "a password"
				}
				if what != "" {
					b.in.Secrets = append(b.in.Secrets, Secret{At: at(o, k), Field: escape.Text(r + "." + k), What: what})
				}
			}
		}
	}
}

func (b *builder) caCerts() {
	for _, o := range b.e.Objects["ca_certificate"] {
		c := CACert{At: at(o, "certificate"), HTTPAIA: []string{}, HTTPSRedirects: []string{}}
		rest := []byte(o.Str("certificate"))
		parsed := false
		for {
			var blk *pem.Block
			blk, rest = pem.Decode(rest)
			if blk == nil {
				break
			}
			x, err := x509.ParseCertificate(blk.Bytes)
			if err != nil {
				continue
			}
			parsed = true
			if c.Subject == "" {
				c.Subject = escape.Text(x.Subject.String())
			}
			for _, u := range x.IssuingCertificateURL {
				if strings.HasPrefix(strings.ToLower(u), "http://") {
					c.HTTPAIA = append(c.HTTPAIA, escape.Text(u))
					c.raw = append(c.raw, u)
				}
			}
		}
		c.Unparsed = !parsed
		b.in.CACertificates = append(b.in.CACertificates, c)
	}
}

func (b *builder) global() {
	objs := b.e.Objects["global"]
	if len(objs) == 0 {
		return
	}
	o := objs[0]
	g := &GlobalFacts{At: at(o, "enable_application_api")}
	if n := o.n.fields["enable_application_api"]; n != nil && n.kind == 'b' {
		v := n.b
		g.EnableApplicationAPI = &v
	}
	b.in.Global = g
}

// SplitAt splits an input "at" into file and JSON pointer.
func SplitAt(s string) (file, pointer string) {
	i := strings.LastIndex(s, "#")
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i+1:]
}

// Locate returns the line and column of an "at" in the export.
func (e *Export) Locate(atStr string) (file string, line, col int, ok bool) {
	file, ptr := SplitAt(atStr)
	for _, r := range sortedResources(e.Objects) {
		for _, o := range e.Objects[r] {
			if o.File != file || !strings.HasPrefix(ptr, o.Pointer) {
				continue
			}
			if n := o.f.lookup(ptr); n != nil {
				l, c := o.f.position(n.off)
				return file, l, c, true
			}
		}
	}
	return file, 0, 0, false
}

// lookup finds the node at a JSON pointer.
func (f *jsonFile) lookup(ptr string) *node {
	n := f.root
	if ptr == "" {
		return n
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n.kind {
		case 'o':
			n = n.fields[tok]
		case 'a':
			var i int
			if _, err := fmt.Sscanf(tok, "%d", &i); err != nil || i < 0 || i >= len(n.elems) {
				return nil
			}
			n = n.elems[i]
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}
