# METADATA
# title: Port 443 open to the whole Internet
# description: >-
#   `$PxNodesSourceAddressPrefixes` is empty, absent, or the vendor template's
#   `@("","")` ("If not specified (default) – HTTPS access is always
#   enabled"), so the Teams Connector's network security group admits HTTPS from
#   anywhere instead of only from the Conferencing Nodes.
# custom:
#   id: PX107
#   name: https-open
#   severity: warning
#   prevents: exposure of the Teams Connector to the whole Internet
#   remediation: >-
#     List the Conferencing Nodes' public addresses plus the management
#     prefixes.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @()
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17") + $PxMgmtSrcAddrPrefixes
#   needs: [PxNodesSourceAddressPrefixes]
#   security_severity: 6.5
package pxlint.rules.px107

import data.pxlint.lib
import data.pxlint.lib.family.network.all_empty
import data.pxlint.lib.family.network.mgmt
import data.pxlint.lib.family.network.nodes

# PX107 https-open: no node prefixes means 443 open to the whole Internet.

_https_fix := sprintf("$%s = @(\"<node public address>\") + $%s", [nodes, mgmt])

deny contains r if {
	not lib.assigned(nodes)
	r := {
		"id": "PX107",
		"msg": sprintf("$%s is not set, so port 443 of the Teams Connector is open to the whole Internet", [nodes]),
		"fix": _https_fix,
	}
}

deny contains r if {
	lib.known(nodes)
	_empty_list(lib.value(nodes))
	r := {
		"id": "PX107",
		"variable": nodes,
		"msg": sprintf("$%s is %s, so port 443 of the Teams Connector is open to the whole Internet", [nodes, _empty_what]),
		"fix": _https_fix,
	}
}

_empty_what := "only empty strings (the template's \"not specified\")" if all_empty(nodes)

else := "empty"

_empty_list(null)

_empty_list(_) if all_empty(nodes)

_empty_list(v) if {
	is_array(v)
	count(v) == 0
}
