# METADATA
# title: helpers shared by Pexip Infinity configuration (pxlint infinity)
# description: |
#   PX701–PX718 judge an export of Infinity's configuration API, with the
#   variables scripts when given (reference/infinity-config.md §5). The input
#   is built by lint/infinity: the reference graph is resolved (effective
#   connector and location per rule and Virtual Reception) and the Python
#   regexes are evaluated there (Rego's regex built-ins are RE2, not Python),
#   so each sample alias arrives with its match and replace result. Results
#   point at `at` (file#json-pointer) plus an optional `field`.
package pxlint.lib.family.infinity

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

_teams_rules := [r | some r in input.rules; r.enable; r.teams]

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

_all_teams_rules_evaluated if {
	every r in _teams_rules {
		r.evaluated
	}
}
