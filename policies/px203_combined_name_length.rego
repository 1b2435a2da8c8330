# METADATA
# title: Base name and region tag together outside 3–14 characters
# description: >-
#   `$PxBaseConnName` + `$PxVmssRegion` form the VMSS name and the prefix of the
#   Windows computer names (at most 15 characters with the instance suffix);
#   together they must be 3 to 14 characters. Skipped when either part is
#   already wrong in itself (PX201, PX202, PX501).
# custom:
#   id: PX203
#   name: combined-name-length
#   severity: error
#   prevents: "VMSS and storage account name limits: the deployment is rejected"
#   remediation: Shorten (or lengthen) the base name or the region tag.
#   bad: |-
#     $PxBaseConnName = "fabrikam"
#     $PxVmssRegion = "westeurope"
#   good: |-
#     $PxBaseConnName = "fabrikam"
#     $PxVmssRegion = "weu"
#   needs: [PxBaseConnName, PxVmssRegion]
package pxlint.rules.px203

import data.pxlint.lib
import data.pxlint.lib.family.names._related
import data.pxlint.lib.family.names.base

region := "PxVmssRegion"

deny contains r if {
	lib.base_ok
	lib.region_ok
	b := lib.str(base)
	g := lib.str(region)
	n := count(b) + count(g)
	not _between(n, 3, 14)
	r := {
		"id": "PX203",
		"variable": base,
		"msg": sprintf("$%s + $%s is \"%s%s\", %d characters; together they must be 3 to 14 characters (the VMSS name, and the Windows computer names derived from it)", [base, region, b, g, n]),
		"fix": _length_fix(n),
		"related": _related(region, sprintf("$%s is \"%s\"", [region, g])),
	}
}

_between(n, lo, hi) if {
	n >= lo
	n <= hi
}

_length_fix(n) := sprintf("shorten $%s or $%s by %s", [base, region, lib.plural(n - 14, "character")]) if n > 14

_length_fix(n) := sprintf("lengthen $%s or $%s by %s", [base, region, lib.plural(3 - n, "character")]) if n < 3
