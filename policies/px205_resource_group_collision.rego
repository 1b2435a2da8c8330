# METADATA
# title: Two roles resolve to the same resource group
# description: >-
#   Within one script, the VMSS resource group equals the static resource group,
#   or either equals the bot channel's resource group
#   (`<base>-TeamsBotChan-RG`), compared case-insensitively as Azure compares
#   them. The VMSS resource group is deleted and recreated on redeployment; the
#   static one (public IP, key vault) must survive it.
# custom:
#   id: PX205
#   name: resource-group-collision
#   severity: error
#   prevents: "\"Web space with name <name> already exists for subscription <id>\""
#   remediation: >-
#     Keep the template's distinct names: `<base>-TeamsConn-<region>-RG` and
#     `<base>-TeamsConn-<region>-static-RG`.
#   bad: |-
#     $PxTeamsConnStaticResourceGroupName = $PxTeamsConnResourceGroupName
#   good: |-
#     $PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"
#   needs: [PxTeamsConnResourceGroupName, PxTeamsConnStaticResourceGroupName, PxBaseConnName]
package pxlint.rules.px205

import data.pxlint.lib
import data.pxlint.lib.derived
import data.pxlint.lib.family.names._related
import data.pxlint.lib.family.names.base
import data.pxlint.lib.family.names.rg
import data.pxlint.lib.family.names.static_rg

# PX205 resource-group-collision (Azure compares resource-group names
# case-insensitively).

deny contains r if {
	v := lib.str(rg)
	s := lib.str(static_rg)
	lower(v) == lower(s)
	r := {
		"id": "PX205",
		"variable": static_rg,
		"msg": sprintf("$%s and $%s are both \"%s\": the static resource group (public IP, key vault) must be separate from the VMSS resource group, which is deleted on redeployment", [static_rg, rg, s]),
		"fix": sprintf("$%s = %s", [static_rg, derived.source("static_resource_group")]),
		"related": _related(rg, sprintf("$%s is \"%s\"", [rg, v])),
	}
}

deny contains r if {
	bot_rg := derived.names.bot_resource_group
	some name in {rg, static_rg}
	v := lib.str(name)
	lower(v) == lower(bot_rg)
	r := {
		"id": "PX205",
		"variable": name,
		"msg": sprintf("$%s is \"%s\", the resource group the bot channel registration is created in", [name, v]),
		"fix": _standard_rg_fix(name),
	}
}

_standard_rg_fix(name) := sprintf("$%s = %s", [name, derived.source("vmss_resource_group")]) if name == rg

_standard_rg_fix(name) := sprintf("$%s = %s", [name, derived.source("static_resource_group")]) if name == static_rg
