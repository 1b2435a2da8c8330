# METADATA
# title: Single-quoted string that was meant to expand
# description: >-
#   A single-quoted string that holds `$(...)` or a reference to a known `$Px`
#   variable. PowerShell expands neither inside single quotes, so the resource
#   name deployed contains the literal text `$($PxBaseConnName)`. Never applied
#   to secret variables: a `$` in a password is legitimate.
# custom:
#   id: PX003
#   name: single-quoted-expansion
#   severity: error
#   prevents: >-
#     resource names containing a literal `$(` ("typos or formatting errors in
#     the variables initialization script")
#   remediation: "Use double quotes, which expand `$(...)` and `$variables`."
#   bad: |-
#     $PxTeamsConnResourceGroupName = '$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG'
#   good: |-
#     $PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
#   fragment: true
package pxlint.rules.px003

import data.pxlint.lib
import data.pxlint.lib.family.script._secret

# PX003 single-quoted-expansion: '$($PxBaseConnName)-RG' stays literal.

deny contains r if {
	some name, var in input.variables
	var.quote in {"single", "here-single"} # lib.unexpanded's first test, without a call per variable
	lib.unexpanded(var)
	not _secret(name, var)
	r := object.union(
		{
			"id": "PX003",
			"variable": name,
			"msg": sprintf("$%s is single-quoted, so PowerShell keeps '%s' literally instead of expanding it", [name, var.value]),
		},
		_double_quoted_fix(sprintf("$%s = ", [name]), var),
	)
}

deny contains r if {
	some name, var in input.variables
	some i, el in var.elements
	el.quote in {"single", "here-single"} # lib.unexpanded's first test, without a call per element
	lib.unexpanded(el)
	not _secret(name, var)
	r := object.union(
		{
			"id": "PX003",
			"variable": name,
			"element": i,
			"msg": sprintf("element '%s' of $%s is single-quoted, so PowerShell does not expand it", [el.value, name]),
		},
		_double_quoted_fix("", el),
	)
}

# A double-quoted rewrite is only mechanical for a one-line single-quoted
# string without characters that double quotes treat specially.
_double_quoted_fix(prefix, x) := {"fix": sprintf("%s\"%s\"", [prefix, x.value])} if {
	x.quote == "single"
	not regex.match("[\"`\n]", x.value)
} else := {}
