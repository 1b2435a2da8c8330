# METADATA
# title: >-
#   Azure Government region with a public-cloud connection, or the reverse
# description: >-
#   `$PxAzureLocation` is an Azure Government region (`usgovarizona`,
#   `usgovtexas`, ...) while the script connects with `Connect-AzAccount`
#   without `-Environment AzureUSGovernment`, or a public-cloud region while it
#   connects to Azure Government. The region does not exist in the cloud the
#   session is connected to. GCC High tenants may host the Teams Connector only
#   in US Gov Arizona or US Gov Texas. The region list and each region's cloud
#   are data (`schemas/regions.cue`). Not verified when the script does not
#   connect itself (the session's cloud is unknown), or when the location or the
#   `-Environment` value is not known statically.
# custom:
#   id: PX210
#   name: cloud-mismatch
#   severity: error
#   prevents: location not found / deployment rejected
#   remediation: >-
#     Connect to the cloud of the region: `Connect-AzAccount -Environment
#     AzureUSGovernment` for a US Government region, no `-Environment` for a
#     public one.
#   bad: |-
#     Connect-AzAccount
#     $PxAzureLocation = "usgovarizona"
#   good: |-
#     Connect-AzAccount -Environment AzureUSGovernment
#     $PxAzureLocation = "usgovarizona"
#   needs: [PxAzureLocation]
package pxlint.rules.px210

# PX210: an Azure Government region ($PxAzureLocation, see
# schemas/regions.cue) can only be deployed to from a session connected with
# Connect-AzAccount -Environment AzureUSGovernment, and a public-cloud region
# only from a public-cloud session. The engine resolves the location's cloud
# into input.context.azure_location_cloud.

import data.pxlint.lib

_gov := "AzureUSGovernment"

_connect_names := {"connect-azaccount", "login-azaccount", "connect-azurermaccount", "add-azurermaccount", "login-azurermaccount"}

_connects := [c | some c in input.commands; lower(c.name) in _connect_names] if {
	count(_connect_names & lib.command_names) > 0
} else := []

# _environment is the -Environment a connect call names ("" when it names
# none: the public cloud), or is undefined when it is not known statically.
_environment(c) := "" if {
	not lib.param(c, "Environment")
}

_environment(c) := p.value.value if {
	p := lib.param(c, "Environment")
	is_string(p.value.value)
	not p.value.kind in {"unknown", "secret"}
}

_location_cloud := input.context.azure_location_cloud if {
	input.context.azure_location_cloud != ""
}

_is_gov(env) if lower(env) == lower(_gov)

deny contains r if {
	_location_cloud == _gov
	some c in _connects
	env := _environment(c)
	not _is_gov(env)
	r := {
		"id": "PX210",
		"line": c.line,
		"msg": sprintf("$PxAzureLocation %q is an Azure Government region, but %s connects to %s: the region is not found there and the deployment is rejected (GCC High tenants may host the Teams Connector only in usgovarizona or usgovtexas)", [lib.str("PxAzureLocation"), c.text, _cloud_name(env)]),
		"fix": sprintf("%s -Environment AzureUSGovernment", [c.text]),
	}
}

deny contains r if {
	_location_cloud == "AzureCloud"
	some c in _connects
	env := _environment(c)
	_is_gov(env)
	r := {
		"id": "PX210",
		"line": c.line,
		"msg": sprintf("$PxAzureLocation %q is a public-cloud region, but %s connects to Azure Government (-Environment %s): the region is not found there and the deployment is rejected", [lib.str("PxAzureLocation"), c.text, env]),
		"fix": "set $PxAzureLocation to an Azure Government region (usgovarizona, usgovtexas), or drop -Environment for a public-cloud deployment",
	}
}

_cloud_name("") := "the public cloud (no -Environment)"

_cloud_name(env) := sprintf("%s (-Environment %s)", [env, env]) if env != ""

not_verified contains {"id": "PX210", "reason": "the script does not connect to Azure (no Connect-AzAccount): the cloud is whatever the session is connected to"} if {
	count(_connects) == 0
}

not_verified contains {"id": "PX210", "reason": "$PxAzureLocation is not set, not known statically, or not a listed region"} if {
	count(_connects) > 0
	not _location_cloud
}

not_verified contains {"id": "PX210", "reason": "the -Environment of the Connect-AzAccount call is not known statically"} if {
	_location_cloud
	some c in _connects
	not _environment(c)
}
