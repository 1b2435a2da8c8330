# METADATA
# title: CIDR prefix with host bits set
# description: >-
#   A CIDR prefix whose address is not the network address of its length:
#   Azure's network security group accepts only network prefixes. The message
#   gives the network (`91.90.42.96/26` → `91.90.42.64/26`) and the prefix
#   length at which the written address is a network address (`91.90.42.96/27`),
#   in case that range was meant.
# custom:
#   id: PX102
#   name: cidr-host-bits
#   severity: error
#   prevents: >-
#     "MCU-signalling-endpoint has invalid Address prefix" (the vendor's own
#     example: "91.90.42.96/26" in $PxNodesSourceAddressPrefixes)
#   remediation: >-
#     Write the network address of the range (`91.90.42.64/26`), or the longer
#     prefix that starts at the address you wrote.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @("91.90.42.96/26")
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("91.90.42.64/26")
#   needs: [PxNodesSourceAddressPrefixes, PxMgmtSrcAddrPrefixes]
#   fragment: true
package pxlint.rules.px102

import data.pxlint.lib
import data.pxlint.lib.family.network._entries
import data.pxlint.lib.family.network._located
import data.pxlint.lib.family.network._quote

deny contains r if {
	some e in _entries
	e.facts.host_bits
	p := lib.prefix(e.value)
	net := lib.network(e.value)
	r := object.union(_located(e), {
		"id": "PX102",
		"msg": sprintf("%s has host bits set; the network is %s%s", [e.value, net, _meant(p)]),
		"fix": _quote(net),
	})
}

_meant(p) := sprintf(" (or did you mean %s/%d?)", [p.ip, n]) if {
	n := lib.natural_len(p.ip)
	n != p.len
} else := ""
