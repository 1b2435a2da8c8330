# METADATA
# title: Variable assigned twice with =
# description: >-
#   A variable is assigned twice with `=` outside any branch, typically after
#   pasting a block from another region's script. The last assignment wins; the
#   finding points at the earlier one and says which value is deployed. `+=`
#   appends and `$x = $x + ...` builds on the earlier value: neither is a
#   duplicate.
# custom:
#   id: PX006
#   name: duplicate-assignment
#   severity: warning
#   prevents: "a stale value deployed: the value you edited is not the one that wins"
#   remediation: "Delete the earlier assignment, or merge the two."
#   bad: |-
#     $PxVmssRegion = "weu"
#     # ...
#     $PxVmssRegion = "neu"
#   good: |-
#     $PxVmssRegion = "weu"
#   fragment: true
package pxlint.rules.px006

import data.pxlint.lib.family.script._secret

# PX006 duplicate-assignment: two unconditional `=` assignments; the last wins.
# `+=` appends, and `$x = $x + ...` builds on the earlier value: neither is a duplicate.
# An assignment in a dot-sourced file is a shared default the includer may
# override (common.ps1 then weu.ps1): only this file's own assignments count.

deny contains r if {
	some name, var in input.variables
	# Cheapest test first: most variables are assigned once, and one
	# lookup of a second assignment settles that without a comprehension.
	var.assignments[1]
	count([a | some a in var.assignments; a.operator == "="; not a.conditional]) > 1
	plain := [a | some a in var.assignments; a.operator == "="; not a.conditional; not _elsewhere(a); not _self_reference(name, a)]
	count(plain) > 1
	last := plain[count(plain) - 1]
	some i, a in plain
	i < count(plain) - 1
	r := {
		"id": "PX006",
		"line": a.line,
		"msg": sprintf("$%s is assigned here and again on line %d; the last assignment (line %d) wins%s", [name, plain[i + 1].line, last.line, _winner(name, var)]),
		"fix": sprintf("delete the assignment on line %d, or merge it into the one on line %d", [a.line, last.line]),
	}
}

_elsewhere(a) if {
	a.file
	a.file != input.file
}

_self_reference(name, a) if {
	some ref in _references_by_name[name]
	ref.line >= a.span.start_line
	ref.line <= a.span.end_line
	[ref.line, ref.column] != [a.line, a.column]
}

_references_by_name[name] contains ref if {
	some ref in input.references
	name := ref.name
}

_winner(name, var) := sprintf(", so the value deployed is \"%s\"", [var.value]) if {
	not _secret(name, var)
	is_string(var.value)
	count(var.value) <= 80
} else := ""
