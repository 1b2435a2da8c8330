# METADATA
# title: Prefix listed twice or contained in another
# description: >-
#   A prefix listed twice in the same list, or contained in another entry of it
#   (including the management prefixes appended with `+
#   $PxMgmtSrcAddrPrefixes`). The finding points at the redundant entry written
#   by hand.
# custom:
#   id: PX106
#   name: overlapping-prefix
#   severity: warning
#   prevents: "confusing, redundant rules that hide which address was really meant"
#   remediation: Remove the redundant entry.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @("31.45.128.0/24", "31.45.128.17")
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("31.45.128.0/24")
#   needs: [PxNodesSourceAddressPrefixes, PxMgmtSrcAddrPrefixes]
#   fragment: true
package pxlint.rules.px106

import data.pxlint.lib
import data.pxlint.lib.family.network._good
import data.pxlint.lib.family.network._good_cidrs
import data.pxlint.lib.family.network._located

# _contains holds [name, a, b] for entries a and b of one list where a
# contains b (a != b), from one builtin call per list.
_contains contains [name, a, b] if {
	some name in lib.address_variables
	good := _good(name)
	cidrs := _good_cidrs[name]
	some [i, j] in net.cidr_contains_matches(cidrs, cidrs)
	i != j
	a := good[i]
	b := good[j]
}

deny contains r if {
	some [name, a, b] in _contains
	_report_on(a, b, name) == b
	not b.from
	r := object.union(_located(object.union(b, {"variable": name})), {
		"id": "PX106",
		"msg": _overlap_msg(name, a, b),
		"fix": "remove this element",
	})
}

# _report_on picks, of a containing and b contained, the entry to remove: b,
# unless b is an appended element and a is not; for equal prefixes, the later one.
_report_on(a, b, _) := b if {
	lib.cidr(a.value) != lib.cidr(b.value)
	not b.from
}

_report_on(a, b, _) := a if {
	lib.cidr(a.value) != lib.cidr(b.value)
	b.from
}

_report_on(a, b, _) := b if {
	lib.cidr(a.value) == lib.cidr(b.value)
	_later(b, a)
}

_report_on(a, b, _) := a if {
	lib.cidr(a.value) == lib.cidr(b.value)
	_later(a, b)
}

# appended elements count as earlier, so the duplicate written by hand is the one to remove.
_later(x, y) if {
	not x.from
	y.from
}

_later(x, y) if {
	not x.from
	not y.from
	x.element > y.element
}

_later(x, y) if {
	x.from
	y.from
	x.element > y.element
}

_overlap_msg(name, a, b) := sprintf("%s is listed twice in $%s (also %s)", [b.value, name, _where(name, a)]) if {
	lib.cidr(a.value) == lib.cidr(b.value)
} else := sprintf("%s is already contained in %s (%s), so this entry in $%s is redundant", [b.value, a.value, _where(name, a), name])

_where(name, e) := sprintf("from $%s, line %d", [e.from, input.variables[name].elements[e.element].line]) if {
	e.from
} else := sprintf("line %d", [input.variables[name].elements[e.element].line]) if {
	input.variables[name].elements[e.element].line
} else := "in the same list"

# PX106 also covers the containing entry when the contained one is appended.
deny contains r if {
	some [name, a, b] in _contains
	_report_on(a, b, name) == a
	lib.cidr(a.value) != lib.cidr(b.value)
	not a.from
	r := object.union(_located(object.union(a, {"variable": name})), {
		"id": "PX106",
		"msg": sprintf("%s contains %s (%s), so one of them in $%s is redundant", [a.value, b.value, _where(name, b), name]),
		"fix": sprintf("remove this element or %s", [b.value]),
	})
}
