# METADATA
# title: "$Px variable used before it is assigned"
# description: >-
#   A `$Px...` variable is used (in a value, inside `"$(...)"`, or as a command
#   argument) before any assignment of it, so PowerShell substitutes `$null`: a
#   misspelt name, or an assignment placed below its use. Reported once per
#   variable, at its first use. A required variable the script never assigns is
#   PX501's; a variable a dot-sourced file that could not be read may define is
#   not reported.
# custom:
#   id: PX004
#   name: undefined-variable
#   severity: error
#   prevents: >-
#     empty names and parameters at deployment ("typos or formatting errors in
#     the variables initialization script")
#   remediation: >-
#     Move the assignment above the first use, or correct the spelling of the
#     name.
#   bad: |-
#     $PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
#     $PxVmssRegion = "weu"
#   good: |-
#     $PxVmssRegion = "weu"
#     $PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
package pxlint.rules.px004

import data.pxlint.lib

# PX004 undefined-variable: reported once per variable, at its first use.
# A required variable the script never assigns is PX501's.

deny contains r if {
	some name in {ref.name | some ref in _undefined}
	first := min({ref.line | some ref in _undefined; ref.name == name})
	uses := count({ref.line | some ref in _undefined; ref.name == name})
	not lib.required_missing(name)
	r := object.union({
		"id": "PX004",
		"line": first,
		"msg": sprintf("$%s is used on line %d %s, so it is $null there%s", [name, first, _where_assigned(name), _more_uses(uses)]),
		"fix": _undefined_fix(name, first),
	}, _first_use_span(name, first))
}

# The finding underlines the variable's first use, not its whole line.
_first_use_span(name, line) := {"span": ref.span} if {
	col := min({ref.column | some ref in _undefined; ref.name == name; ref.line == line})
	some ref in _undefined
	ref.name == name
	ref.line == line
	ref.column == col
	ref.span.start_line > 0
} else := {}

# A use in a condition (`if ($PxExtra) { ... }`) tests whether the variable
# is set, which is legitimate for an unset one.
_undefined contains ref if {
	some ref in input.references
	ref.defined == false # the model always sets it; one test where `not` costs a child evaluation
	not ref.defined_elsewhere
	ref.context != "condition"
}

_where_assigned(name) := sprintf("before it is assigned (line %d)", [input.variables[name].assignments[0].line]) if {
	input.variables[name].assignments[0]
} else := "but never assigned"

_more_uses(1) := ""

_more_uses(n) := sprintf(" (and %s later)", [lib.plural(n - 1, "more use")]) if n > 1

_undefined_fix(name, first) := sprintf("move the assignment of $%s above line %d", [name, first]) if {
	input.variables[name].assignments[0]
} else := sprintf("rename it to $%s", [_suggest(name)]) if {
	_suggest(name)
} else := sprintf("assign $%s before line %d", [name, first])

# _suggest offers the known name that a misspelling most likely meant: one
# that extends or shortens it (`$PxNodeFqdn` → `$PxNodeFqdns`).
_suggest(name) := s if {
	cands := {n | some n in lib.catalog; _near(lower(n), lower(name))}
	count(cands) == 1
	some s in cands
}

_near(a, b) if {
	a != b
	startswith(a, b)
	count(a) - count(b) <= 2
}

_near(a, b) if {
	a != b
	startswith(b, a)
	count(b) - count(a) <= 2
}
