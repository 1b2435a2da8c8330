# METADATA
# title: network security group inputs ($PxNodesSourceAddressPrefixes, $PxMgmtSrcAddrPrefixes)
# description: |
#   PX101–PX108. Each entry has one owning rule: a bare address is PX002's, an
#   empty one PX103's, a malformed one PX101's, one with host bits PX102's; the
#   other rules judge only well-formed network prefixes.
# custom:
#   id: [PX101, PX102, PX103, PX104, PX105, PX106, PX107, PX108]
package pxlint.rules.network

import data.pxlint.lib

nodes := "PxNodesSourceAddressPrefixes"

mgmt := "PxMgmtSrcAddrPrefixes"

# _entries are the entries written in a variable's own assignment, with the
# variable name; _located adds the element index when there is one.
_entries contains object.union(e, {"variable": name}) if {
	some name in lib.address_variables
	some e in lib.entries(name)
}

_located(e) := {"variable": e.variable, "element": e.element} if {
	is_number(e.element)
} else := {"variable": e.variable}

_quote(s) := sprintf("\"%s\"", [s])

# ---------------------------------------------------------------------------
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
# PX101 invalid-address

deny contains r if {
	some e in _entries
	trim_space(e.value) != ""
	not lib.is_address(e.value)
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

# ---------------------------------------------------------------------------
# PX102 cidr-host-bits

deny contains r if {
	some e in _entries
	lib.is_cidr(e.value)
	lib.host_bits_set(e.value)
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

# ---------------------------------------------------------------------------
# PX104 non-public-prefix: the NSG sees the nodes' public (post-NAT) addresses.

non_public := [
	{"cidr": "10.0.0.0/8", "what": "a private (RFC 1918) range"},
	{"cidr": "172.16.0.0/12", "what": "a private (RFC 1918) range"},
	{"cidr": "192.168.0.0/16", "what": "a private (RFC 1918) range"},
	{"cidr": "127.0.0.0/8", "what": "a loopback range"},
	{"cidr": "169.254.0.0/16", "what": "a link-local range"},
	{"cidr": "100.64.0.0/10", "what": "a carrier-grade NAT range (100.64.0.0/10)"},
	{"cidr": "224.0.0.0/4", "what": "a multicast range"},
	{"cidr": "240.0.0.0/4", "what": "a reserved range (240.0.0.0/4)"},
	{"cidr": "0.0.0.0/8", "what": "the reserved \"this network\" range (0.0.0.0/8)"},
	{"cidr": "192.0.2.0/24", "what": "a documentation range (TEST-NET-1)"},
	{"cidr": "198.51.100.0/24", "what": "a documentation range (TEST-NET-2)"},
	{"cidr": "203.0.113.0/24", "what": "a documentation range (TEST-NET-3)"},
	{"cidr": "198.18.0.0/15", "what": "a benchmarking range (198.18.0.0/15)"},
]

# _public_checked are the well-formed node entries; one builtin call matches
# them against every non-public range.
_public_checked := [e | some e in _entries; e.variable == nodes; lib.good_prefix(e.value)]

_non_public_matches := net.cidr_contains_matches(
	[range.cidr | some range in non_public],
	[lib.cidr(e.value) | some e in _public_checked],
)

deny contains r if {
	some [i, j] in _non_public_matches
	e := _public_checked[j]
	range := non_public[i]
	r := object.union(_located(e), {
		"id": "PX104",
		"msg": sprintf("%s in $%s is %s: the network security group sees the Conferencing Nodes' public (post-NAT) addresses, so this entry never matches", [e.value, nodes, range.what]),
		"fix": "replace it with the public address the nodes' traffic leaves from",
	})
}

# ---------------------------------------------------------------------------
# PX105 broad-prefix

deny contains r if {
	some e in _entries
	lib.good_prefix(e.value)
	p := lib.prefix(e.value)
	min_len := lib.number_option("PX105", "min_prefix_length", 16)
	p.len < min_len
	r := object.union(_located(e), {
		"id": "PX105",
		"msg": _broad_msg(e, p, min_len),
		"fix": "list the specific public addresses or prefixes that need access",
	})
}

_broad_msg(e, p, _) := sprintf("0.0.0.0/0 in $%s allows the whole Internet, which defeats the network security group", [e.variable]) if {
	p.len == 0
}

_broad_msg(e, p, min_len) := sprintf("%s in $%s is a /%d, broader than /%d: it opens the network security group to %s addresses", [e.value, e.variable, p.len, min_len, _size(p.len)]) if {
	p.len > 0
}

_size(len) := format_int(lib.host_size(len), 10)

# ---------------------------------------------------------------------------
# PX106 overlapping-prefix: a duplicate or a prefix inside another of the
# same list. The finding points at the redundant entry written in this
# variable's own assignment (an appended one is reported at its source).

_good(name) := _good_lists[name]

_good_lists[name] := [e | some e in lib.all_entries(name); lib.good_prefix(e.value)] if some name in lib.address_variables

# _contains holds [name, a, b] for entries a and b of one list where a
# contains b (a != b), from one builtin call per list.
_contains contains [name, a, b] if {
	some name in lib.address_variables
	good := _good(name)
	cidrs := [lib.cidr(e.value) | some e in good]
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

# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# PX108 consent-source-missing: the admin-consent workstation must reach 443
# too. Its address is the configured consent_addresses (option or
# --consent-address), else the management prefixes; with neither, it is
# unknown, and node prefixes that are set very likely shut it out.

_consent_configured := lib.strings_option("PX108", "consent_addresses", [])

deny contains r if {
	node_prefixes := _node_prefixes
	count(node_prefixes) > 0
	count(_consent_configured) > 0
	missing := [a |
		some a in _consent_configured
		lib.good_prefix(a)
		not _covered(a, node_prefixes)
	]
	count(missing) > 0
	r := {
		"id": "PX108",
		"variable": nodes,
		"msg": sprintf("$%s does not include the admin-consent address%s %s (consent_addresses), so the admin-consent workstation cannot reach the Teams Connector on 443", [nodes, _plural(missing), concat(", ", sort(missing))]),
		"fix": sprintf("append %s: $%s = @(...) + $%s", [concat(", ", [_quote(m) | some m in sort(missing)]), nodes, mgmt]),
	}
}

deny contains r if {
	node_prefixes := _node_prefixes
	count(node_prefixes) > 0
	count(_consent_configured) == 0
	missing := [m.value |
		some m in lib.entries(mgmt)
		lib.good_prefix(m.value)
		not _covered(m.value, node_prefixes)
	]
	count(missing) > 0
	r := {
		"id": "PX108",
		"variable": nodes,
		"msg": sprintf("$%s does not include the management prefix%s %s, so the admin-consent workstation cannot reach the Teams Connector on 443", [nodes, _plural(missing), concat(", ", sort(missing))]),
		"fix": sprintf("append the management prefixes: $%s = @(...) + $%s", [nodes, mgmt]),
	}
}

# No management prefixes and no consent address: nothing says the consent
# workstation is among the node prefixes.
deny contains r if {
	count(_node_prefixes) > 0
	count(_consent_configured) == 0
	_no_mgmt
	r := {
		"id": "PX108",
		"variable": nodes,
		"severity": "warning",
		"msg": sprintf("$%s is set while $%s is empty, so unless the admin-consent workstation's address is in this list it cannot reach the Teams Connector on 443", [nodes, mgmt]),
		"fix": "name the consent workstation's public address with consent_addresses in .pxlint.hcl (or --consent-address) if it is in this list, else add it to the list",
	}
}

_node_prefixes := node_prefixes if {
	node_prefixes := _good(nodes)
	not _unknown_element(nodes)
} else := []

_no_mgmt if not lib.assigned(mgmt)

_no_mgmt if {
	lib.known(mgmt)
	count([m | some m in lib.entries(mgmt); trim_space(m.value) != ""]) == 0
	not _unknown_element(mgmt)
	not _bare_element(mgmt)
}

_bare_element(name) if {
	some el in input.variables[name].elements
	el.kind == "bare"
}

_unknown_element(name) if {
	some el in input.variables[name].elements
	el.kind == "unknown"
}

_covered(m, prefixes) if {
	some p in prefixes
	net.cidr_contains(lib.cidr(p.value), lib.cidr(m))
}

_plural(xs) := "es" if count(xs) > 1

_plural(xs) := "" if count(xs) == 1
