# METADATA
# title: Element that is not an IPv4 address or CIDR prefix
# description: >-
#   An element of `$PxNodesSourceAddressPrefixes` or `$PxMgmtSrcAddrPrefixes`
#   that is not an IPv4 address or CIDR prefix: an octet over 255
#   (`10.0.0.300`), a prefix length over 32 (`10.0.0.0/33`), two slashes
#   (`10.0.0/0/16`), a missing length (`10.0.0.0/`), spaces inside the quotes.
#   Older Azure clients let some of these through to the deployment.
# custom:
#   id: PX101
#   name: invalid-address
#   severity: error
#   prevents: "\"MCU-signalling-endpoint has invalid Address prefix\""
#   remediation: >-
#     Write four dot-separated numbers 0–255, optionally followed by `/0` to
#     `/32`, without spaces.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @("10.0.0.300", " 80.213.4.17")
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17")
#   needs: [PxNodesSourceAddressPrefixes, PxMgmtSrcAddrPrefixes]
#   fragment: true
package pxlint.rules.px101

import data.pxlint.lib
import data.pxlint.lib.family.network._entries
import data.pxlint.lib.family.network._located
import data.pxlint.lib.family.network._quote

deny contains r if {
	some e in _entries
	e.facts.address == false
	trim_space(e.value) != ""
	r := object.union(_located(e), object.union(
		{
			"id": "PX101",
			"msg": sprintf("%s in $%s is not a valid IPv4 address or CIDR prefix: %s", [_quote(e.value), e.variable, _invalid_reason(e.value)]),
		},
		_trim_fix(e.value),
	))
}

_invalid_reason(s) := "it has spaces inside the quotes" if {
	s != trim_space(s)
} else := "the prefix length is over 32" if {
	regex.match(`/([0-9]{3,}|3[3-9]|[4-9][0-9])$`, s)
} else := "the prefix length after / is missing" if {
	endswith(s, "/")
} else := "it has more than one /" if {
	count(split(s, "/")) > 2
} else := "an octet is over 255" if {
	regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}(/[0-9]+)?$`, s)
	some o in split(split(s, "/")[0], ".")
	to_number(o) > 255
} else := "an octet has a leading zero" if {
	regex.match(`(^|\.)0[0-9]`, split(s, "/")[0])
} else := "write four dot-separated numbers 0-255, optionally followed by /0 to /32"

_trim_fix(s) := {"fix": _quote(trim_space(s))} if {
	s != trim_space(s)
	lib.is_address(trim_space(s))
} else := {}
