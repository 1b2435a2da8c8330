# METADATA
# title: Resource-group name Azure rejects
# description: >-
#   An evaluated resource-group name (`$PxTeamsConnResourceGroupName`,
#   `$PxTeamsConnStaticResourceGroupName`) that Azure rejects: it must be 1–90
#   characters of letters, digits, `_ - . ( )`, and not end in `.`. A literal
#   `$(` is PX003's and a broken base name PX201's.
# custom:
#   id: PX204
#   name: resource-group-name
#   severity: error
#   prevents: deployment rejected when the resource group is created
#   remediation: >-
#     Build the names from the base name and region tag as the template does.
#   bad: |-
#     $PxTeamsConnResourceGroupName = "fabrikam TeamsConn weu RG."
#   good: |-
#     $PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
#   needs: [PxTeamsConnResourceGroupName, PxTeamsConnStaticResourceGroupName]
#   fragment: true
package pxlint.rules.px204

import data.pxlint.lib
import data.pxlint.lib.family.names.base
import data.pxlint.lib.family.names.rg
import data.pxlint.lib.family.names.static_rg

# PX204 resource-group-name: 1-90 characters of letters, digits, _ - . ( ),
# not ending in a period.

deny contains r if {
	some name in {rg, static_rg}
	v := lib.str(name)
	not regex.match(_valid, v) # the usual name: one test rules out every problem
	not contains(v, "$") # a literal "$(" is PX003's
	not _base_broken_in(v)
	some problem in _rg_problems(v)
	r := object.union(
		{
			"id": "PX204",
			"variable": name,
			"msg": sprintf("$%s \"%s\" is not a valid resource-group name: %s", [name, v, problem]),
		},
		_rg_fix(name, v),
	)
}

# _valid matches what the problems below accept: 1-90 allowed characters
# (a code point each, as count counts), the last not a period.
_valid := `^[\p{L}\p{N}_\-.()]{0,89}[\p{L}\p{N}_\-()]$`

_rg_problems(v) := (({x | x := _p_long(v)} | {x | x := _p_chars(v)}) | {x | x := _p_period(v)})

_p_long(v) := sprintf("it is %d characters, at most 90 are allowed", [count(v)]) if count(v) > 90

_p_chars(v) := sprintf("it contains %s; only letters, digits and _ - . ( ) are allowed", [concat(" ", [sprintf("\"%s\"", [c]) | some c in _bad_chars(v)])]) if {
	count(_bad_chars(v)) > 0
}

_p_period(v) := "it ends in a period" if endswith(v, ".")

_bad_chars(v) := sort({c | some c in regex.find_n(`[^\p{L}\p{N}_\-.()]`, v, -1)})

_rg_fix(name, v) := {"fix": sprintf("$%s = \"%s\"", [name, trim_right(v, ".")])} if {
	endswith(v, ".")
	count(_bad_chars(v)) == 0
	count(v) <= 90
} else := {}

# A base name PX201 rejects breaks every name built from it: PX201 owns that.
_base_broken_in(v) if {
	b := lib.str(base)
	not lib.base_ok
	contains(v, b)
}
