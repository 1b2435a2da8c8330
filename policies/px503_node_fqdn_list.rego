# METADATA
# title: Node names not one clean comma-separated string
# description: >-
#   `$PxNodeFqdns` must be one comma-separated string. Error: it is an array
#   (`@("a", "b")`), which PowerShell joins with spaces. Warning: empty entries
#   (`a,,b`), spaces around commas, or the same name twice.
# custom:
#   id: PX503
#   name: node-fqdn-list
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     "PexipFqdns" parameter errors: nodes the Teams Connector does not accept
#     calls from
#   remediation: >-
#     Write one string of names separated by commas only:
#     `"conf01.fabrikam.net,conf02.fabrikam.net"`.
#   bad: |-
#     $PxNodeFqdns = @("conf01.fabrikam.net", "conf02.fabrikam.net")
#   good: |-
#     $PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"
#   needs: [PxNodeFqdns]
#   fragment: true
package pxlint.rules.px503

import data.pxlint.lib
import data.pxlint.lib.values._names
import data.pxlint.lib.values._parts
import data.pxlint.lib.values._trimmed
import data.pxlint.lib.values.node_fqdns

deny contains r if {
	lib.known(node_fqdns)
	var := input.variables[node_fqdns]
	var.kind == "array"
	count(var.value) > 0 # an empty one is PX501's
	r := object.union(
		{
			"id": "PX503",
			"severity": "error",
			"variable": node_fqdns,
			"msg": sprintf("$%s is an array of %d names; create_vmss_deployment.ps1 expects one comma-separated string", [node_fqdns, count(var.value)]),
		},
		_join_fix(var.value),
	)
}

_join_fix(vs) := {"fix": sprintf("$%s = \"%s\"", [node_fqdns, concat(",", [trim_space(v) | some v in vs; trim_space(v) != ""])])} if {
	count(vs) > 0
	every v in vs {
		is_string(v)
	}
} else := {}

deny contains r if {
	problems := _list_problems
	count(problems) > 0
	r := {
		"id": "PX503",
		"severity": "warning",
		"variable": node_fqdns,
		"msg": sprintf("$%s has %s", [node_fqdns, concat(", ", problems)]),
		"fix": sprintf("$%s = \"%s\"", [node_fqdns, concat(",", _unique_names)]),
	}
}

_list_problems := [p |
	some check in [_p_empty, _p_spaces, _p_duplicates]
	p := check
	p != ""
]

# (Membership and equality of the trimmed list are one builtin call each,
# where a test per part costs several evaluations.)
_p_empty := "empty entries" if {
	count(_parts) > 1
	"" in _trimmed
} else := ""

_p_spaces := "spaces around commas" if {
	count(_parts) > 1
	_trimmed != _parts
	some i, p in _parts
	_trimmed[i] != ""
	p != _trimmed[i]
} else := ""

_p_duplicates := sprintf("duplicate names (%s)", [concat(", ", sort(_duplicates))]) if {
	count(_duplicates) > 0
} else := ""

# _lowered are the names in lower case, index for index (_names are strings
# from split): a name is a duplicate when it occurs earlier in the list.
# Array membership is one builtin call, so the rules stay linear in
# evaluations where comparing every pair was quadratic (50 names: 5 ms →
# 0.8 ms of CPU per script; 2 to 4 names cost the same as before).
_lowered := [lower(n) | some n in _names]

_duplicates := {l | some i, l in _lowered; l in array.slice(_lowered, 0, i)}

_unique_names := [n | some i, n in _names; not _lowered[i] in array.slice(_lowered, 0, i)]
