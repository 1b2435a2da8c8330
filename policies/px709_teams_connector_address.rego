# METADATA
# title: >-
#   Teams Connector address is not a DNS name, or matches no script's
#   $PxTeamsConnFqdn
# description: >-
#   Error: a connector's `address` has a scheme, port or path, or (with scripts)
#   equals no linted script's `$PxTeamsConnFqdn` (compared case-insensitively,
#   trailing dot ignored), so calls reach another region's or a lab connector.
#   Warning: `port` is not 443.
# custom:
#   id: PX709
#   name: teams-connector-address
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     "communicating with the wrong Teams Connector (…other Teams Connectors
#     … in different regions, or a lab system)"
#   remediation: >-
#     Set the address to the `$PxTeamsConnFqdn` of the script that deployed the
#     connector.
#   bad: |-
#     {"address": "https://pexip-teamsconn-eu.teams.example.org:443/", "port": 443}
#   good: |-
#     {"address": "pexip-teamsconn-eu.teams.example.org", "port": 443}
#   infinity: true
#   assumes: >-
#     A connector pairs with the script whose `$PxTeamsConnFqdn` equals its
#     address (the reference's pairing rule).
package pxlint.rules.px709

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
