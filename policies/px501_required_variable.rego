# METADATA
# title: Required variable missing or empty
# description: >-
#   A variable the deployment needs is missing (the finding is about the file)
#   or `""` / `$null` (the finding points at the assignment): `$PxBaseConnName`,
#   `$PxVmssRegion`, `$PxTeamsConnFqdn`, `$PxNodeFqdns`, `$PxSubscriptionId`,
#   `$PxAzureLocation`, `$PxTeamsConnInstanceCount`, `$PxPfxCertFileName`,
#   `$PxTeamsConnResourceGroupName`, `$PxTeamsConnStaticResourceGroupName`, and
#   `$PxWinAdminUser` unless the VM credential is obtained otherwise
#   (`$PxWinAdminCred = Get-Credential`). Not required: the password (prompting
#   is better), the two prefix lists (empty has a meaning), the booleans. Rules
#   that depend on these values skip them while they are missing or empty.
# custom:
#   id: PX501
#   name: required-variable
#   severity: error
#   prevents: >-
#     empty parameters at deployment, failing after the first resources were
#     created
#   remediation: "Assign the variable a value, as the template shows."
#   bad: |-
#     $PxAzureLocation = ""
#   good: |-
#     $PxAzureLocation = "westeurope"
#   needs: [PxBaseConnName, PxVmssRegion, PxTeamsConnFqdn, PxNodeFqdns, PxSubscriptionId, PxAzureLocation, PxTeamsConnInstanceCount, PxPfxCertFileName, PxTeamsConnResourceGroupName, PxTeamsConnStaticResourceGroupName, PxWinAdminUser]
package pxlint.rules.px501

import data.pxlint.lib
import data.pxlint.lib.derived

# PX501 required-variable: missing (file-level) or empty (at the assignment).

_template := {
	"PxTeamsConnResourceGroupName": derived.source("vmss_resource_group"),
	"PxTeamsConnStaticResourceGroupName": derived.source("static_resource_group"),
	"PxTeamsConnInstanceCount": "\"1\"",
	"PxWinAdminUser": "\"<VM administrator name>\"",
	"PxBaseConnName": "\"<a-z0-9, at most 9 characters>\"",
	"PxVmssRegion": "\"<a-z region tag>\"",
	"PxTeamsConnFqdn": "\"<Teams Connector hostname>\"",
	"PxNodeFqdns": "\"<node1 FQDN>,<node2 FQDN>\"",
	"PxSubscriptionId": "\"<subscription GUID>\"",
	"PxAzureLocation": "\"<Azure region, e.g. westeurope>\"",
	"PxPfxCertFileName": "\"<certificate>.pfx\"",
}

_assign_fix(name) := sprintf("$%s = %s", [name, _template[name]]) if _template[name]

_assign_fix(name) := sprintf("$%s = <value>", [name]) if not _template[name]

# The required names the script does not assign, as one set difference
# rather than a lookup per name.
deny contains r if {
	some name in lib.required - object.keys(input.variables)
	r := {
		"id": "PX501",
		"msg": sprintf("$%s is not set; create_vmss_deployment.ps1 needs it%s", [name, _why_user(name)]),
		"fix": _assign_fix(name),
	}
}

deny contains r if {
	# The required variables' own entries, picked by one builtin call: a
	# lookup per name through lib.value costs several evaluations each.
	some name, var in object.filter(input.variables, lib.required)
	lib.blank(var.value) # first: it rules out the usual value
	not var.kind in {"unknown", "secret"} # lib.known: their value is null
	r := {
		"id": "PX501",
		"variable": name,
		"msg": sprintf("$%s is empty; create_vmss_deployment.ps1 needs a value%s", [name, _why_user(name)]),
		"fix": _assign_fix(name),
	}
}

_why_user("PxWinAdminUser") := " (the VM credential is built from it)"

_why_user(name) := "" if name != "PxWinAdminUser"
