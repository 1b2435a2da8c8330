# METADATA
# title: Resource group already exists in Azure
# description: >-
#   With an Azure inventory (`--inventory`: `az group list -o json` or
#   `Get-AzResourceGroup | ConvertTo-Json`), the resource groups of the script's
#   `$PxSubscriptionId` (matched on their resource IDs) are compared with the
#   script's, case-insensitively as Azure does. Error: the VMSS resource group
#   already exists, typically left behind after its contents were deleted. Info:
#   the static resource group exists, as expected on upgrade. Without an
#   inventory, or with one of another subscription, the rule is not verified.
# custom:
#   id: PX207
#   name: resource-group-exists
#   severity: error
#   levels: [error, info]
#   prevents: "\"Web space with name <name> already exists\""
#   remediation: >-
#     Delete the VMSS resource group itself, not only its contents
#     (`Remove-AzResourceGroup -Name <name>` or `az group delete --name
#     <name>`), then redeploy.
#   bad: |-
#     # rgs.json lists fabrikam-TeamsConn-weu-RG in the script's subscription
#     $PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
#   good: |-
#     # the VMSS resource group was deleted: rgs.json no longer lists it
#     $PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
#   needs: [PxSubscriptionId, PxTeamsConnResourceGroupName, PxTeamsConnStaticResourceGroupName]
package pxlint.rules.px207

# With an Azure inventory (az group list -o json, or Get-AzResourceGroup |
# ConvertTo-Json), the resource groups of the script's subscription (taken
# from their IDs): an existing VMSS resource group fails the deployment
# ("Web space with name <name> already exists") until the group itself is
# deleted; an existing static resource group is expected on upgrade (info).
# Names compare case-insensitively, as Azure compares them.

import data.pxlint.lib
import data.pxlint.lib.prereq

_inventory if is_array(input.inventory.resource_groups)

_groups := {lower(g.name): g |
	some g in input.inventory.resource_groups
	lower(g.subscription_id) == prereq.script_subscription
}

_exists(name) := _groups[lower(name)]

deny contains r if {
	_inventory
	name := lib.str("PxTeamsConnResourceGroupName")
	g := _exists(name)
	r := {
		"id": "PX207", "source": "inventory", "variable": "PxTeamsConnResourceGroupName",
		"msg": sprintf("the VMSS resource group %s already exists in subscription %s (%s): the deployment fails with \"Web space with name ... already exists\"", [g.name, prereq.script_subscription, g.location]),
		"fix": sprintf("delete the resource group itself, not only its contents, before redeploying: Remove-AzResourceGroup -Name \"%s\" (or az group delete --name \"%s\")", [g.name, g.name]),
	}
}

deny contains r if {
	_inventory
	name := lib.str("PxTeamsConnStaticResourceGroupName")
	g := _exists(name)
	r := {
		"id": "PX207", "source": "inventory", "variable": "PxTeamsConnStaticResourceGroupName", "severity": "info",
		"msg": sprintf("the static resource group %s already exists in subscription %s: expected when upgrading (it keeps the public IP and key vault); on a first deployment, check that this name is not another deployment's", [g.name, prereq.script_subscription]),
	}
}

verified contains {"id": "PX207", "source": "inventory"} if {
	_inventory
	count(_groups) > 0
	name := lib.str("PxTeamsConnResourceGroupName")
	not _exists(name)
}

not_verified contains {"id": "PX207", "source": "script", "reason": "no Azure inventory: pass --inventory with the output of az group list -o json (or Get-AzResourceGroup | ConvertTo-Json)"} if {
	not _inventory
}

not_verified contains {"id": "PX207", "source": "inventory", "reason": "$PxSubscriptionId is not known statically, so the inventory's resource groups cannot be matched"} if {
	_inventory
	not prereq.script_subscription
}

not_verified contains r if {
	_inventory
	prereq.script_subscription
	count(_groups) == 0
	subs := {lower(g.subscription_id) | some g in input.inventory.resource_groups}
	r := {
		"id": "PX207", "source": "inventory",
		"reason": sprintf("the inventory lists no resource group of subscription %s (it lists %d of %s); export it with az group list --subscription %s -o json", [prereq.script_subscription, count(input.inventory.resource_groups), _subs_text(subs), prereq.script_subscription]),
	}
}

_subs_text(subs) := "no subscription" if count(subs) == 0

else := concat(", ", sort(subs))

not_verified contains {"id": "PX207", "source": "inventory", "reason": "$PxTeamsConnResourceGroupName is not known statically"} if {
	_inventory
	count(_groups) > 0
	not lib.str("PxTeamsConnResourceGroupName")
}
