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

#
# One finding per variable, at its first empty entry: the template's
# @("","") with an address added is one mistake, however many empty
# strings are left.

deny contains r if {
	some name in {e.variable | some e in _empties}
	not all_empty(name)
	first := _first_empty(name)
	n := count({e | some e in _empties; e.variable == name})
	r := object.union(_located(first), {
		"id": "PX103",
		"msg": sprintf("%s in $%s is an empty address prefix, which Azure rejects beside real ones%s", [_quote(first.value), name, _more_empties(n)]),
		"fix": _empties_fix(n),
	})
}

_empties contains e if {
	some e in _entries
	e.facts.address == false # the usual entry: one test
	trim_space(e.value) == ""
}

# _first_empty is the variable's empty entry with the lowest element index
# (a string variable has one entry and no index).
_first_empty(name) := e if {
	idx := {e.element | some e in _empties; e.variable == name; is_number(e.element)}
	count(idx) > 0
	some e in _empties
	e.variable == name
	e.element == min(idx)
} else := e if {
	some e in _empties
	e.variable == name
}

_more_empties(1) := ""

_more_empties(n) := sprintf(" (%d empty elements in all)", [n]) if n > 1

_empties_fix(1) := "remove this element"

_empties_fix(n) := sprintf("remove the %d empty elements", [n]) if n > 1
