# METADATA
# title: Pexip Infinity configuration (pxlint infinity)
# description: |
#   PX701–PX718 judge an export of Infinity's configuration API, with the
#   variables scripts when given (reference/infinity-config.md §5). The input
#   is built by lint/infinity: the reference graph is resolved (effective
#   connector and location per rule and Virtual Reception) and the Python
#   regexes are evaluated there (Rego's regex built-ins are RE2, not Python),
#   so each sample alias arrives with its match and replace result. Results
#   point at `at` (file#json-pointer) plus an optional `field`.
# custom:
#   id: [PX701, PX702, PX703, PX704, PX705, PX706, PX707, PX708, PX709, PX710, PX711, PX712, PX713, PX714, PX715, PX716, PX717, PX718]
package pxlint.rules.infinity

# needs lists the resources each rule reads; a missing one makes it not_verified.
needs := {
	"PX702": {"gateway_routing_rule"},
	"PX703": {"gateway_routing_rule", "conference"},
	"PX704": {"gateway_routing_rule", "conference", "teams_proxy"},
	"PX705": {"gateway_routing_rule", "conference", "system_location", "worker_vm"},
	"PX706": {"teams_proxy", "azure_tenant"},
	"PX707": {"gateway_routing_rule", "conference", "system_location", "teams_proxy", "worker_vm"},
	"PX708": {"gateway_routing_rule", "conference", "system_location", "worker_vm"},
	"PX709": {"teams_proxy"},
	"PX710": {"gateway_routing_rule", "conference", "system_location", "worker_vm"},
	"PX711": {"gateway_routing_rule", "conference"},
	"PX712": {"conference"},
	"PX713": {"gateway_routing_rule", "conference"},
	"PX714": {"gateway_routing_rule", "conference"},
	"PX715": {"gateway_routing_rule"},
	"PX716": {"ca_certificate"},
	"PX717": {"global"},
}

_missing(id) := [r | some r in needs[id]; r in input.missing]

_judged(id) if count(_missing(id)) == 0

not_verified contains {"id": id, "reason": sprintf("the export has no %s", [concat(", ", sort(_missing(id)))])} if {
	some id, _ in needs
	count(_missing(id)) > 0
}

not_verified contains {"id": id, "reason": "no variables script to compare with (--scripts, or pxlint lint with an infinity block in .pxlint.hcl)"} if {
	some id in {"PX707", "PX709"}
	_judged(id)
	not input.scripts_given
}

_ids := sprintf("%d–%d-digit", [input.config.teams_id_lengths[0], input.config.teams_id_lengths[1]])

_teams_conference(r) if {
	r.enable
	r.called_device_type == "teams_conference"
}

_teams_rules := [r | some r in input.rules; r.enable; r.teams]

_incoming(r) if {
	r.enable
	r.match_incoming_calls
	some p in {"sip", "h323", "webrtc"}
	r.protocols[p]
}

_connector(key) := c if {
	some c in input.connectors
	c.key == key
}

_location(key) := l if {
	some l in input.locations
	l.key == key
}

_node(key) := n if {
	some n in input.nodes
	n.key == key
}

_script(file) := s if {
	some s in input.scripts
	s.file == file
}

_cname(key) := sprintf("%q", [_connector(key).name]) if key != ""

# _users are the Teams rules and Virtual Receptions with their routes.
_users contains {"kind": "rule", "what": sprintf("Call Routing Rule %q", [r.name]), "at": r.at, "routes": r.routes, "automatic": r.automatic, "own": r.teams_proxy, "loc_field": "outgoing_location", "loc_label": "outgoing location"} if {
	some r in _teams_rules
}

_users contains {"kind": "vr", "what": sprintf("Virtual Reception %q", [v.name]), "at": v.at, "routes": v.routes, "automatic": v.automatic, "own": v.teams_proxy, "loc_field": "system_location", "loc_label": "Lookup location"} if {
	some v in input.receptions
}

# ---------------------------------------------------------------------------
# PX701 infinity-export

deny contains {
	"id": "PX701",
	"at": d.at,
	"msg": sprintf("%s points at %s, which is not in the export: no %s has that resource_uri", [d.field, d.ref, d.target]),
	"fix": sprintf("point %s at an existing %s, or export the %s it names", [d.field, d.target, d.target]),
} if {
	some d in input.dangling
}

deny contains {
	"id": "PX701",
	"severity": "info",
	"at": sprintf("%s#", [input.export]),
	"msg": sprintf("the export has no %s: the rules that need it are not verified", [r]),
	"fix": sprintf("export %s too (pxlint infinity export-script writes every resource)", [r]),
} if {
	some r in input.missing
	not r in {"tls_certificate", "ca_certificate", "global"}
}

# ---------------------------------------------------------------------------
# PX702 teams-rule-id-extract

_px702_bad(r) := [i |
	some i, s in input.samples
	r.matches[i]
	r.results[i] != s.id
]

deny contains {
	"id": "PX702",
	"at": r.at,
	"field": "replace_string",
	"msg": sprintf("Call Routing Rule %q turns %q into %q: the Teams Connector needs only the %s conference ID%s (assuming Infinity applies fullmatch then the template)", [r.name, s.alias, r.results[i], _ids, _px702_hint(r)]),
	"fix": "set replace_string to \\1, with the ID as group 1 of match_string, e.g. (\\d{9,12})@vc\\.example\\.org",
} if {
	some r in input.rules
	_teams_conference(r)
	r.evaluated
	bad := _px702_bad(r)
	count(bad) > 0
	i := bad[0]
	s := input.samples[i]
}

_px702_hint(r) := ": the replace string is empty, so the alias is passed on unchanged" if {
	r.replace_string == ""
} else := ": $1 is literal text in Python's re; write \\1" if {
	some p in r.patterns
	p.dollar
} else := ""

not_verified contains {"id": "PX702", "reason": sprintf("Call Routing Rule %q: its pattern or template cannot be evaluated (see PX703)", [r.name])} if {
	_judged("PX702")
	some r in input.rules
	_teams_conference(r)
	not r.evaluated
}

# ---------------------------------------------------------------------------
# PX703 teams-rule-regex-dialect

_regex_owners contains {"what": sprintf("Call Routing Rule %q", [r.name]), "at": r.at, "p": p} if {
	some r in _teams_rules
	some p in r.patterns
}

_regex_owners contains {"what": sprintf("Virtual Reception %q", [v.name]), "at": v.at, "p": p} if {
	some v in input.receptions
	some p in v.patterns
}

deny contains {
	"id": "PX703",
	"at": o.at,
	"field": o.p.field,
	"msg": sprintf("%s: %s \"%s\" is not valid in Python's re, which Infinity uses: %s", [o.what, o.p.field, o.p.source, concat("; ", o.p.problems)]),
	"fix": "write Python syntax: \\Z not \\z, (?P<name>…) not (?<name>…), \\d not [[:digit:]] or \\p{Nd}",
} if {
	some o in _regex_owners
	o.p.kind == "invalid"
}

deny contains {
	"id": "PX703",
	"at": o.at,
	"field": o.p.field,
	"msg": sprintf("%s: %s \"%s\" does not mean what it looks like in Python's re: %s", [o.what, o.p.field, o.p.source, concat("; ", o.p.mistakes)]),
	"fix": "write \\d for a digit",
} if {
	some o in _regex_owners
	o.p.kind != "invalid"
	count(o.p.mistakes) > 0
}

deny contains {
	"id": "PX703",
	"at": o.at,
	"field": o.p.template_field,
	"msg": sprintf("%s: %s is not a valid Python replace template for %s: %s", [o.what, o.p.template_field, o.p.field, o.p.template_error]),
	"fix": "refer to groups as \\1 or \\g<name>, to existing groups only; escape a literal backslash as \\\\",
} if {
	some o in _regex_owners
	o.p.template_error != ""
}

deny contains {
	"id": "PX703",
	"severity": "warning",
	"at": o.at,
	"field": o.p.field,
	"msg": sprintf("%s: %s \"%s\" uses %s, which Go's RE2 cannot run, so the rules that evaluate it are %s", [o.what, o.p.field, o.p.source, concat("; ", o.p.problems), _bt_outcome(o.p)]),
	"fix": "prefer a pattern without lookaround or backreferences; or set allow_backtracking_eval = true in the infinity block for an approximate evaluation",
} if {
	some o in _regex_owners
	o.p.kind == "backtracking"
}

_bt_outcome(p) := "evaluated approximately (regexp2, .NET semantics)" if p.approximate

else := "not verified"

# ---------------------------------------------------------------------------
# PX704 teams-rule-missing

_domain_samples := [i | some i, s in input.samples; s.domain != ""]

_px704_samples := _domain_samples if count(_domain_samples) > 0

else := [i | some i, s in input.samples]

_routed_to_teams(i) if {
	some r in input.rules
	_incoming(r)
	r.teams
	r.evaluated
	r.matches[i]
}

_all_teams_rules_evaluated if {
	every r in _teams_rules {
		r.evaluated
	}
}

deny contains {
	"id": "PX704",
	"at": sprintf("%s#", [input.export]),
	"msg": sprintf("no enabled Call Routing Rule for incoming SIP, H.323 or WebRTC calls routes %s to Microsoft Teams, so direct dialing fails (\"Gateway dial out failed\")", [concat(", ", sort(lost))]),
	"fix": "add a rule: match_string (\\d{9,12})@<your domain>, replace_string \\1, called_device_type teams_conference, outgoing_protocol teams, match_incoming_calls true",
} if {
	_judged("PX704")
	count(input.receptions) + count(input.connectors) > 0
	_all_teams_rules_evaluated
	lost := {input.samples[i].alias | some i in _px704_samples; not _routed_to_teams(i); input.samples[i].id == _shortest_id}
	count(lost) > 0
}

_shortest_id := input.samples[0].id

deny contains {
	"id": "PX704",
	"severity": "warning",
	"at": r.at,
	"field": "match_string_full",
	"msg": sprintf("Teams rule %q matches the full alias URI (match_string_full = true): a SIP caller's sip:…;transport=tls does not match a pattern written for <id>@<domain>", [r.name]),
	"fix": "set match_string_full to false (match against the parsed alias)",
} if {
	some r in _teams_rules
	r.match_string_full
}

deny contains {
	"id": "PX704",
	"severity": "warning",
	"at": r.at,
	"field": "match_incoming_only_if_registered",
	"msg": sprintf("Teams rule %q applies only to devices registered to Infinity, so unregistered callers cannot dial Teams meetings", [r.name]),
	"fix": "set match_incoming_only_if_registered to false unless that restriction is intended",
} if {
	some r in _teams_rules
	r.match_incoming_only_if_registered
}

# ---------------------------------------------------------------------------
# PX705 teams-connector-missing

deny contains {
	"id": "PX705",
	"at": u.at,
	"field": u.loc_field,
	"msg": sprintf("%s has no Teams Connector, and neither has %s: the call fails (\"no Teams Connector configured\")", [u.what, _px705_where(u)]),
	"fix": sprintf("set teams_proxy on the %s or on its %s", [_kind_label(u), u.loc_label]),
} if {
	_judged("PX705")
	some u in _users
	u.own == ""
	count([r | some r in u.routes; r.connector != ""]) == 0
}

deny contains {
	"id": "PX705",
	"severity": "warning",
	"at": u.at,
	"field": u.loc_field,
	"msg": sprintf("%s has no Teams Connector and its %s is Automatic (unset): calls handled in %s find no connector there", [u.what, u.loc_label, concat(", ", sort(without))]),
	"fix": sprintf("set teams_proxy on the %s, or on those locations, or pick a %s", [_kind_label(u), u.loc_label]),
} if {
	_judged("PX705")
	some u in _users
	u.own == ""
	u.automatic
	some r in u.routes
	r.connector != ""
	without := {sprintf("%q", [x.location_name]) | some x in u.routes; x.connector == ""}
	count(without) > 0
}

_kind_label(u) := "rule" if u.kind == "rule"

else := "Virtual Reception"

_px705_where(u) := sprintf("its %s %q", [u.loc_label, u.routes[0].location_name]) if {
	not u.automatic
	count(u.routes) > 0
} else := sprintf("any location with Conferencing Nodes (its %s is Automatic)", [u.loc_label])

# ---------------------------------------------------------------------------
# PX706 teams-tenant

_guid_re := `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`

_tenant_problem(id) := "looks like a domain, not a tenant ID (a GUID)" if {
	contains(id, ".")
} else := "is not a GUID" if {
	not regex.match(_guid_re, id)
} else := "is the nil GUID" if {
	replace(id, "-", "") == "00000000000000000000000000000000"
} else := "is a placeholder (one repeated digit)" if {
	count({c | some c in split(lower(replace(id, "-", "")), "")}) == 1
}

deny contains {
	"id": "PX706",
	"at": c.at,
	"field": "azure_tenant",
	"msg": sprintf("Teams Connector %q has no Microsoft Teams tenant (azure_tenant is unset): calls fail with Error=\"500\"", [c.name]),
	"fix": "add the tenant under Call control > Microsoft Teams Tenants and select it on the connector",
} if {
	some c in input.connectors
	not c.tenant_set
}

deny contains {
	"id": "PX706",
	"at": c.tenant_at,
	"msg": sprintf("the tenant ID %q of Teams Connector %q %s: calls fail with Error=\"500\"", [c.tenant_id, c.name, _tenant_problem(c.tenant_id)]),
	"fix": "set tenant_id to the GUID of the Entra ID tenant where the Pexip app was consented",
} if {
	some c in input.connectors
	c.tenant_found
	_tenant_problem(c.tenant_id)
}

deny contains {
	"id": "PX706",
	"at": c.tenant_at,
	"msg": sprintf("Teams Connector %q uses tenant %s, not the expected %s (from %s): calls fail with Error=\"500\"", [c.name, c.tenant_id, concat(" or ", input.config.expected_tenant_ids), input.config.tenant_source]),
	"fix": "set tenant_id to the tenant where the Pexip app was consented",
} if {
	some c in input.connectors
	c.tenant_found
	not _tenant_problem(c.tenant_id)
	count(input.config.expected_tenant_ids) > 0
	not lower(c.tenant_id) in input.config.expected_tenant_ids
}

_tenant_ids := {lower(c.tenant_id) | some c in input.connectors; c.tenant_found; not _tenant_problem(c.tenant_id)}

deny contains {
	"id": "PX706",
	"severity": "warning",
	"at": sprintf("%s#", [input.export]),
	"msg": sprintf("the Teams Connectors point at %d different tenants (%s); with no expected tenant given, pxlint cannot tell which is wrong", [count(_tenant_ids), concat(", ", sort(_tenant_ids))]),
	"fix": "give the expected tenants (--tenant-id, or expected_tenant_ids in the infinity block) if several are intended",
} if {
	count(input.config.expected_tenant_ids) == 0
	count(_tenant_ids) > 1
}

deny contains {
	"id": "PX706",
	"severity": "info",
	"at": sprintf("%s#", [input.export]),
	"msg": "no expected tenant given (--tenant-id, or expected_tenant_ids in the infinity block): only the format of the tenant IDs was checked",
	"fix": "pass --tenant-id with the tenant where the Pexip app was consented",
} if {
	_judged("PX706")
	count(input.connectors) > 0
	count(input.config.expected_tenant_ids) == 0
	count(_tenant_ids) <= 1
}

# ---------------------------------------------------------------------------
# PX707 teams-node-fqdns

_listed(n, s) if lower(n.fqdn) in {lower(x) | some x in s.node_fqdns}

_listed(n, s) if {
	some p in n.pool_names
	p in {lower(x) | some x in s.node_fqdns}
}

_px707 contains {"node": nk, "connector": r.connector, "location": r.location_name, "user": u.what} if {
	input.scripts_given
	some u in _users
	some r in u.routes
	r.connector != ""
	r.location != ""
	c := _connector(r.connector)
	c.script != ""
	s := _script(c.script)
	not "PxNodeFqdns" in s.unknown
	count(s.node_fqdns) > 0 # a missing list is PX501's
	some nk in _location(r.location).nodes
	not _listed(_node(nk), s)
}

not_verified contains {"id": id, "reason": sprintf("%s: $%s cannot be evaluated statically", [s.file, v])} if {
	some [id, v] in [["PX707", "PxNodeFqdns"], ["PX710", "PxNodesSourceAddressPrefixes"], ["PX709", "PxTeamsConnFqdn"]]
	some s in input.scripts
	v in s.unknown
}

deny contains {
	"id": "PX707",
	"at": n.at,
	"field": "hostname",
	"msg": sprintf("Conferencing Node %q (%s) in location %q talks to Teams Connector %q for %s, but %s's $PxNodeFqdns lists only %s: the connector rejects it with Error=\"401\"", [n.name, n.fqdn, x.location, c.name, concat(" and ", sort(users)), c.script, concat(", ", s.node_fqdns)]),
	"fix": sprintf("add %s to $PxNodeFqdns in %s and redeploy the connector, or move the node out of that location", [n.fqdn, c.script]),
} if {
	some x in _px707
	n := _node(x.node)
	c := _connector(x.connector)
	s := _script(c.script)
	users := {y.user | some y in _px707; y.node == x.node; y.connector == x.connector}
}

# ---------------------------------------------------------------------------
# PX708 teams-location-empty

_teams_locations contains {"key": r.location, "user": u.what} if {
	some u in _users
	some r in u.routes
	r.location != ""
}

deny contains {
	"id": "PX708",
	"at": l.at,
	"msg": sprintf("location %q, used by %s, has no Conferencing Nodes: no node can reach the Teams Connector", [l.name, concat(" and ", _location_users(t.key))]),
	"fix": "add Conferencing Nodes to that location or point the rule at a location that has them",
} if {
	_judged("PX708")
	some t in _teams_locations
	l := _location(t.key)
	count(l.nodes) == 0
}

_location_users(key) := sort({t.user | some t in _teams_locations; t.key == key})

deny contains {
	"id": "PX708",
	"severity": "warning",
	"at": l.at,
	"msg": sprintf("every Conferencing Node of location %q, used by %s, is in maintenance mode", [l.name, concat(" and ", _location_users(t.key))]),
	"fix": "take a node out of maintenance mode",
} if {
	_judged("PX708")
	some t in _teams_locations
	l := _location(t.key)
	count(l.nodes) > 0
	every k in l.nodes {
		_node(k).maintenance_mode
	}
}

deny contains {
	"id": "PX708",
	"severity": "warning",
	"at": l.at,
	"msg": sprintf("location %q, used by %s, mixes Proxying Edge and Transcoding nodes, which Infinity advises against", [l.name, concat(" and ", _location_users(t.key))]),
	"fix": "keep proxying and transcoding nodes in separate locations",
} if {
	_judged("PX708")
	some t in _teams_locations
	l := _location(t.key)
	types := {_node(k).node_type | some k in l.nodes; _node(k).node_type != ""}
	count(types) > 1
}

# ---------------------------------------------------------------------------
# PX709 teams-connector-address

_not_dns_name(a) if a == ""

_not_dns_name(a) if regex.match(`[:/\s@]`, a)

deny contains {
	"id": "PX709",
	"at": c.at,
	"field": "address",
	"msg": sprintf("Teams Connector %q has address %q, which is not a DNS name: write the FQDN only (no scheme, port or path)", [c.name, c.address]),
	"fix": "set address to the $PxTeamsConnFqdn of the connector's variables script",
} if {
	some c in input.connectors
	_not_dns_name(c.address)
}

deny contains {
	"id": "PX709",
	"at": c.at,
	"field": "address",
	"msg": sprintf("Teams Connector %q has address %q, which matches no $PxTeamsConnFqdn of the linted scripts (%s): calls may reach another region's or a lab connector", [c.name, c.address, concat(", ", sort({sprintf("%s: %s", [s.file, s.teams_conn_fqdn]) | some s in input.scripts}))]),
	"fix": "set address to the $PxTeamsConnFqdn of the script that deployed this connector, or lint that script too",
} if {
	input.scripts_given
	every s in input.scripts {
		not "PxTeamsConnFqdn" in s.unknown
	}
	some c in input.connectors
	not _not_dns_name(c.address)
	c.script == ""
}

deny contains {
	"id": "PX709",
	"severity": "warning",
	"at": c.at,
	"field": "port",
	"msg": sprintf("Teams Connector %q uses port %d; the connector's load balancer listens on 443", [c.name, c.port]),
	"fix": "set port to 443",
} if {
	some c in input.connectors
	c.port != 443
}

# ---------------------------------------------------------------------------
# PX710 teams-node-reachability

_private := ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]

_is_private(ip) if {
	some p in _private
	net.cidr_contains(p, ip)
}

_public_ip(n) := n.static_nat_address if n.static_nat_address != ""

else := n.address

_cidr(p) := p if contains(p, "/")

else := sprintf("%s/32", [p])

_ipv4(ip) if regex.match(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$`, ip)

_teams_nodes contains {"node": k, "connector": r.connector} if {
	some u in _users
	some r in u.routes
	r.location != ""
	some k in _location(r.location).nodes
}

deny contains {
	"id": "PX710",
	"at": n.at,
	"field": "address",
	"msg": sprintf("Conferencing Node %q carries Teams calls but has the private address %s and no static_nat_address: the Teams Connector cannot reach it", [n.name, n.address]),
	"fix": "set static_nat_address to the node's public address",
} if {
	_judged("PX710")
	some t in _teams_nodes
	n := _node(t.node)
	n.static_nat_address == ""
	_ipv4(n.address)
	_is_private(n.address)
}

deny contains {
	"id": "PX710",
	"at": n.at,
	"field": _px710_field(n),
	"msg": sprintf("Conferencing Node %q reaches Teams Connector %q from %s, outside $PxNodesSourceAddressPrefixes of %s (%s): the connector's network security group blocks port 443", [n.name, c.name, ip, c.script, concat(", ", s.node_prefixes)]),
	"fix": sprintf("add %s/32 (or its range) to $PxNodesSourceAddressPrefixes in %s", [ip, c.script]),
} if {
	_judged("PX710")
	some t in _teams_nodes
	n := _node(t.node)
	t.connector != ""
	c := _connector(t.connector)
	c.script != ""
	s := _script(c.script)
	not "PxNodesSourceAddressPrefixes" in s.unknown
	count(s.node_prefixes) > 0
	ip := _public_ip(n)
	_ipv4(ip)
	not _is_private(ip)
	not _in_prefixes(ip, s.node_prefixes)
}

_in_prefixes(ip, prefixes) if {
	some p in prefixes
	net.cidr_contains(_cidr(p), ip)
}

_px710_field(n) := "static_nat_address" if n.static_nat_address != ""

else := "address"

# ---------------------------------------------------------------------------
# PX711 teams-rule-shadowed

_protocols := ["sip", "h323", "webrtc"]

# _candidates(i, p) are the rules that take sample i over protocol p.
_candidates(i, p) := [r |
	some r in input.rules
	r.enable
	r.match_incoming_calls
	r.protocols[p]
	r.evaluated
	r.matches[i]
]

_first(i, p) := [r | some r in _candidates(i, p); r.priority == min({x.priority | some x in _candidates(i, p)})]

# _lost(i, p) is the non-Teams rule that wins sample i over protocol p
# although a Teams rule would take it.
_lost contains {"i": i, "p": p, "rule": w, "teams": t} if {
	some i, _ in input.samples
	some p in _protocols
	cands := _candidates(i, p)
	some t in cands
	t.teams
	first := _first(i, p)
	every f in first {
		not f.teams
	}
	w := first[0]
}

_ties contains {"i": i, "p": p, "rule": w, "teams": t} if {
	some i, _ in input.samples
	some p in _protocols
	first := _first(i, p)
	some t in first
	t.teams
	some w in first
	not w.teams
}

_teams_samples := {i | some i, _ in input.samples; some p in _protocols; some r in _candidates(i, p); r.teams}

_lost_samples := {x.i | some x in _lost}

deny contains {
	"id": "PX711",
	"severity": _px711_severity,
	"at": w.at,
	"field": "priority",
	"msg": sprintf("Call Routing Rule %q (priority %d) matches %s before Teams rule %q (priority %d) for %s calls; rules are tried in ascending priority and the first match wins", [w.name, w.priority, concat(", ", sort(samples)), t.name, t.priority, concat("/", sort(protos))]),
	"fix": sprintf("give Teams rule %q a lower priority number than %q, or narrow %q's match_string", [t.name, w.name, w.name]),
} if {
	some x in _lost
	w := x.rule
	t := x.teams
	samples := {input.samples[y.i].alias | some y in _lost; y.rule.at == w.at; y.teams.at == t.at}
	protos := {y.p | some y in _lost; y.rule.at == w.at; y.teams.at == t.at}
}

_px711_severity := "error" if {
	count(_teams_samples) > 0
	count(_lost_samples) == count(_teams_samples)
} else := "warning"

deny contains {
	"id": "PX711",
	"severity": "warning",
	"at": t.at,
	"field": "priority",
	"msg": sprintf("Teams rule %q and rule %q share priority %d and both match %s: which one wins is not defined by priority", [t.name, w.name, t.priority, input.samples[x.i].alias]),
	"fix": "give the Teams rule a distinct, lower priority number",
} if {
	some x in _ties
	t := x.teams
	w := x.rule
}

deny contains {
	"id": "PX711",
	"severity": _px711_alias_severity,
	"at": t.at,
	"msg": sprintf("the alias %s belongs to service %q, and service aliases win over Call Routing Rules: Teams rule %q never sees that call", [s.alias, s.service, t.name]),
	"fix": "remove or rename the service alias",
} if {
	some i, s in input.samples
	s.service != ""
	some p in _protocols
	some t in _candidates(i, p)
	t.teams
}

_px711_alias_severity := "warning"

not_verified contains {"id": "PX711", "reason": sprintf("Call Routing Rule %q cannot be evaluated (PX703), so the order of rules is not known", [r.name])} if {
	_judged("PX711")
	some r in input.rules
	r.enable
	not r.evaluated
}

# ---------------------------------------------------------------------------
# PX712 teams-vr-id-regex

deny contains {
	"id": "PX712",
	"at": v.at,
	"field": "match_string",
	"msg": sprintf("Virtual Reception %q: match_string \"%s\" rejects the conference IDs %s, so callers hear \"Conference ID invalid\"", [v.name, v.patterns[0].source, concat(", ", rejected)]),
	"fix": "accept every 9–12-digit ID, e.g. match_string \\d{9,12}, or leave match_string empty",
} if {
	some v in input.receptions
	v.evaluated
	rejected := [sprintf("%s (%d digits)", [c.id, count(c.id)]) | some c in v.ids; not c.matched]
	count(rejected) > 0
}

deny contains {
	"id": "PX712",
	"at": v.at,
	"field": _px712_field(v),
	"msg": sprintf("Virtual Reception %q turns the conference ID %s into %q: the Teams lookup needs the digits unchanged", [v.name, c.id, c.post_result]),
	"fix": "leave replace_string and post_replace_string empty, or make them keep the digits (\\1 with the ID as group 1)",
} if {
	some v in input.receptions
	v.evaluated
	some c in v.ids
	c.matched
	c.post_result != c.id
}

_px712_field(v) := "replace_string" if v.patterns[0].source != ""

else := "post_replace_string"

not_verified contains {"id": "PX712", "reason": sprintf("Virtual Reception %q: its regexes cannot be evaluated (see PX703)", [v.name])} if {
	some v in input.receptions
	not v.evaluated
}

# ---------------------------------------------------------------------------
# PX713 teams-vr-handoff

deny contains {
	"id": "PX713",
	"at": v.at,
	"msg": sprintf("Virtual Reception %q exists, but no enabled Teams rule routes the bare conference ID (e.g. %s); if the VR hands the entered ID to Call Routing Rules, indirect dialing fails (assumed, not confirmed by Pexip's documentation)", [v.name, _bare[0]]),
	"fix": "make the domain optional in the Teams rule's match_string: (\\d{9,12})(@vc\\.example\\.org)?",
} if {
	_judged("PX713")
	_all_teams_rules_evaluated
	count(_bare) > 0
	some v in input.receptions
	not _bare_routed
}

_bare := [s.alias | some s in input.samples; s.domain == ""]

_bare_routed if {
	some i, s in input.samples
	s.domain == ""
	some r in input.rules
	r.enable
	r.teams
	r.evaluated
	r.matches[i]
}

# ---------------------------------------------------------------------------
# PX714 teams-vr-alias

deny contains {
	"id": "PX714",
	"at": v.at,
	"msg": sprintf("Teams Virtual Reception %q has no alias, so no one can dial it", [v.name]),
	"fix": "add an alias such as teams@vc.example.org",
} if {
	_judged("PX714")
	some v in input.receptions
	count(v.aliases) == 0
}

deny contains {
	"id": "PX714",
	"at": a.at,
	"msg": sprintf("the alias %q of Virtual Reception %q is also matched by Call Routing Rule %s; aliases win, so that rule never sees these calls", [a.alias, v.name, concat(", ", [sprintf("%q", [n]) | some n in a.shadowed_rules])]),
	"fix": "narrow the rule's match_string so it does not match the Virtual Reception's alias",
} if {
	_judged("PX714")
	some v in input.receptions
	some a in v.aliases
	count(a.shadowed_rules) > 0
}

# ---------------------------------------------------------------------------
# PX715 teams-rule-consistency

_teams_types := {"teams_conference", "teams_user"}

deny contains {
	"id": "PX715",
	"at": r.at,
	"field": "outgoing_protocol",
	"msg": sprintf("Call Routing Rule %q: outgoing_protocol is %q but called_device_type is %q; a Teams rule sets both (teams, teams_conference)", [r.name, r.outgoing_protocol, r.called_device_type]),
	"fix": "set outgoing_protocol to teams and called_device_type to teams_conference (Microsoft Teams meeting)",
} if {
	some r in _teams_rules
	(r.outgoing_protocol == "teams") != (r.called_device_type in _teams_types)
}

deny contains {
	"id": "PX715",
	"at": r.at,
	"field": "live_captions_enabled",
	"msg": sprintf("Teams rule %q sets live_captions_enabled to %q; Pexip's Terraform provider accepts only \"no\" on Teams rules", [r.name, r.live_captions_enabled]),
	"fix": "set live_captions_enabled to no",
} if {
	some r in _teams_rules
	r.outgoing_protocol == "teams"
	r.live_captions_enabled != ""
	r.live_captions_enabled != "no"
}

deny contains {
	"id": "PX715",
	"at": r.at,
	"field": "match_incoming_calls",
	"msg": sprintf("the only Teams rule, %q, does not match incoming calls (match_incoming_calls = false), so no caller reaches Teams through it", [r.name]),
	"fix": "set match_incoming_calls to true",
} if {
	count(_teams_rules) == 1
	r := _teams_rules[0]
	not r.match_incoming_calls
}

# ---------------------------------------------------------------------------
# PX716 infinity-ca-aia

deny contains {
	"id": "PX716",
	"at": c.at,
	"msg": sprintf("CA certificate %q has an http:// AIA caIssuers URL (%s); if it redirects to https, the Teams Connector cannot build the chain and calls fail with Error=\"401\" (not fetched: run with --online to check)", [c.subject, concat(", ", c.http_aia)]),
	"fix": "check that the URL answers without a redirect, or upload the full chain so the AIA is not needed",
} if {
	some c in input.ca_certificates
	count(c.http_aia) > 0
	not c.checked
}

deny contains {
	"id": "PX716",
	"at": c.at,
	"msg": sprintf("CA certificate %q: its AIA caIssuers URL %s redirects to https, which the Teams Connector does not follow: calls fail with Error=\"401\"", [c.subject, concat(", ", c.https_redirects)]),
	"fix": "have the URL answer over http without a redirect, or upload the full chain so the AIA is not needed",
} if {
	some c in input.ca_certificates
	c.checked
	count(c.https_redirects) > 0
}

# ---------------------------------------------------------------------------
# PX717 infinity-client-api

deny contains {
	"id": "PX717",
	"at": input.global.at,
	"msg": "the Client API is disabled (global.enable_application_api = false); Infinity's schema says Teams integration needs it",
	"fix": "enable it under Platform > Global settings > Connectivity (Enable support for Pexip Infinity Connect and Mobile App)",
} if {
	input.global.enable_application_api == false
}

# ---------------------------------------------------------------------------
# PX718 infinity-export-secrets

deny contains {
	"id": "PX718",
	"at": s.at,
	"msg": sprintf("%s holds %s; pxlint does not show it, but the export file carries it in clear", [s.field, s.what]),
	"fix": "strip secrets before committing the export (pxlint infinity export-script does), e.g. jq 'del(.. | .notifications_queue?, .private_key?, .password?)'",
} if {
	some s in input.secrets
}
