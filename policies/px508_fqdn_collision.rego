# METADATA
# title: Teams Connector FQDN equals a node name
# description: >-
#   `$PxTeamsConnFqdn` equals one of the names in `$PxNodeFqdns`
#   (case-insensitively): the Teams Connector and a Conferencing Node would
#   share one hostname and certificate name.
# custom:
#   id: PX508
#   name: fqdn-collision
#   severity: error
#   prevents: >-
#     routing loops and certificate confusion between the Teams Connector and
#     the nodes
#   remediation: >-
#     Give the Teams Connector a hostname of its own, e.g.
#     `teams-weu.fabrikam.net`.
#   bad: |-
#     $PxTeamsConnFqdn = "conf01.fabrikam.net"
#     $PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"
#   good: |-
#     $PxTeamsConnFqdn = "teams-weu.fabrikam.net"
#     $PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"
#   needs: [PxTeamsConnFqdn, PxNodeFqdns]
package pxlint.rules.px508

import data.pxlint.lib
import data.pxlint.lib.values._names
import data.pxlint.lib.values.node_fqdns

deny contains r if {
	fqdn := lib.str("PxTeamsConnFqdn")
	some n in _names
	lower(trim_right(n, ".")) == lower(trim_right(fqdn, "."))
	r := {
		"id": "PX508",
		"variable": "PxTeamsConnFqdn",
		"msg": sprintf("$PxTeamsConnFqdn \"%s\" is also a Conferencing Node name in $%s: the Teams Connector needs a hostname of its own", [fqdn, node_fqdns]),
		"fix": "give the Teams Connector its own hostname, e.g. teams-<region>.<your domain>, in its certificate and DNS",
		"related": _fqdn_related,
	}
}

_fqdn_related := [{"file": input.file, "line": input.variables[node_fqdns].line, "message": "the node names"}] if {
	input.variables[node_fqdns].line
} else := []
