# METADATA
# title: helpers shared by network security group inputs ($PxNodesSourceAddressPrefixes, $PxMgmtSrcAddrPrefixes)
# description: |
#   PX101–PX108. Each entry has one owning rule: a bare address is PX002's, an
#   empty one PX103's, a malformed one PX101's, one with host bits PX102's; the
#   other rules judge only well-formed network prefixes.
package pxlint.lib.family.network

import data.pxlint.lib

nodes := "PxNodesSourceAddressPrefixes"

mgmt := "PxMgmtSrcAddrPrefixes"

# _entries are the entries written in a variable's own assignment, with the
# variable name and the value's lib.address_facts (looked up here once per
# entry, not once per rule); _located adds the element index when there is
# one.
_entries contains object.union(e, {"variable": name, "facts": lib.address_facts[e.value]}) if {
	some name in lib.address_variables
	some e in lib.entries(name)
}

_located(e) := {"variable": e.variable, "element": e.element} if {
	is_number(e.element)
} else := {"variable": e.variable}

_quote(s) := sprintf("\"%s\"", [s])

# all_empty is true for the template's placeholder: an array whose every
# element is a written string of nothing but spaces.
all_empty(name) if {
	var := input.variables[name]
	var.kind == "array"
	count(var.elements) > 0
	every el in var.elements {
		el.kind == "quoted"
		is_string(el.value)
		trim_space(el.value) == ""
	}
}

# ---------------------------------------------------------------------------
# PX106 overlapping-prefix: a duplicate or a prefix inside another of the
# same list. The finding points at the redundant entry written in this
# variable's own assignment (an appended one is reported at its source).

_good(name) := _good_lists[name]

_good_lists[name] := [e | some e in lib.all_entries(name); lib.address_facts[e.value].good] if some name in lib.address_variables

# _good_cidrs are the prefixes of _good(name), index for index, for the
# net.cidr_contains_matches calls of PX106 and PX108.
_good_cidrs[name] := [lib.address_facts[e.value].cidr | some e in _good_lists[name]] if some name in lib.address_variables
