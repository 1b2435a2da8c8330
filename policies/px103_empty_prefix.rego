# METADATA
# title: Empty address prefix
# description: >-
#   An empty or blank element (`""`) beside real ones in an address list: Azure
#   rejects the empty prefix. A list of nothing but empty strings is the vendor
#   template's `@("","")` placeholder, which the template documents as "If not
#   specified (default) – HTTPS access is always enabled": that is "not
#   specified", PX107's (443 open) for the node prefixes, not PX103's.
# custom:
#   id: PX103
#   name: empty-prefix
#   severity: error
#   prevents: >-
#     "MCU-signalling-endpoint has invalid Address prefix" (an empty address
#     prefix)
#   remediation: Remove the empty element.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17", "") + $PxMgmtSrcAddrPrefixes
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17") + $PxMgmtSrcAddrPrefixes
#   needs: [PxNodesSourceAddressPrefixes, PxMgmtSrcAddrPrefixes]
#   fragment: true
package pxlint.rules.px103

import data.pxlint.lib.family.network._entries
import data.pxlint.lib.family.network._located
import data.pxlint.lib.family.network._quote
import data.pxlint.lib.family.network.all_empty

# PX103 empty-prefix. The vendor template ships @("","") with the comment
# "If not specified (default) – HTTPS access is always enabled": a list of
# nothing but empty strings is "not specified" (PX107's for the node
# prefixes), so PX103 is only for an empty entry beside real ones.

deny contains r if {
	some e in _entries
	trim_space(e.value) == ""
	not all_empty(e.variable)
	r := object.union(_located(e), {
		"id": "PX103",
		"msg": sprintf("%s in $%s is an empty address prefix, which Azure rejects beside real ones", [_quote(e.value), e.variable]),
		"fix": "remove this element",
	})
}
