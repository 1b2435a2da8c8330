# METADATA
# title: Prefix broader than the configured minimum
# description: >-
#   `0.0.0.0/0`, or a prefix shorter than /16 (configurable), in an address
#   list: the network security group then admits a large part of the Internet,
#   which defeats the restriction.
# custom:
#   id: PX105
#   name: broad-prefix
#   severity: warning
#   prevents: NSG restriction defeated
#   remediation: List the specific public addresses or prefixes that need access.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @("0.0.0.0/0")
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17", "31.45.128.0/27") + $PxMgmtSrcAddrPrefixes
#   needs: [PxNodesSourceAddressPrefixes, PxMgmtSrcAddrPrefixes]
#   fragment: true
#   security_severity: 5.3
#   options:
#     min_prefix_length:
#       kind: integer
#       min: 1
#       max: 32
#       description: shortest prefix length accepted without a warning (default 16)
package pxlint.rules.px105

import data.pxlint.lib
import data.pxlint.lib.family.network._entries
import data.pxlint.lib.family.network._located

deny contains r if {
	some e in _entries
	p := e.facts
	p.good
	p.len < _min_len
	r := object.union(_located(e), {
		"id": "PX105",
		"msg": _broad_msg(e, p, _min_len),
		"fix": "list the specific public addresses or prefixes that need access",
	})
}

_min_len := lib.number_option("PX105", "min_prefix_length", 16)

_broad_msg(e, p, _) := sprintf("0.0.0.0/0 in $%s allows the whole Internet, which defeats the network security group", [e.variable]) if {
	p.len == 0
}

_broad_msg(e, p, min_len) := sprintf("%s in $%s is a /%d, broader than /%d: it opens the network security group to %s addresses", [e.value, e.variable, p.len, min_len, _size(p.len)]) if {
	p.len > 0
}

_size(len) := format_int(lib.host_size(len), 10)
