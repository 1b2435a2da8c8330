package pxlint.rules.px210_test

import data.pxlint.lib.cloud_fixtures as cloud
import data.pxlint.lib.cloud_fixtures.connect
import data.pxlint.lib.cloud_fixtures.doc
import data.pxlint.lib.cloud_fixtures.env

test_gov_region_public_connection_fails if {
	cloud.deny == {{
		"id": "PX210", "line": 7,
		"msg": "$PxAzureLocation \"usgovarizona\" is an Azure Government region, but Connect-AzAccount connects to the public cloud (no -Environment): the region is not found there and the deployment is rejected (GCC High tenants may host the Teams Connector only in usgovarizona or usgovtexas)",
		"fix": "Connect-AzAccount -Environment AzureUSGovernment",
	}} with input as doc("usgovarizona", "AzureUSGovernment", [connect([])])
}

test_public_region_gov_connection_fails if {
	some r in cloud.deny with input as doc("westeurope", "AzureCloud", [connect([env("AzureUSGovernment")])])
	r.id == "PX210"
	startswith(r.msg, "$PxAzureLocation \"westeurope\" is a public-cloud region")
}

test_gov_region_gov_connection_passes if {
	count(cloud.deny) == 0 with input as doc("usgovtexas", "AzureUSGovernment", [connect([env("AzureUSGovernment")])])
	count(cloud.deny) == 0 with input as doc("usgovtexas", "AzureUSGovernment", [connect([env("azureusgovernment")])])
	count(cloud.not_verified) == 0 with input as doc("usgovtexas", "AzureUSGovernment", [connect([env("AzureUSGovernment")])])
}

test_public_region_public_connection_passes if {
	count(cloud.deny) == 0 with input as doc("westeurope", "AzureCloud", [connect([])])
	count(cloud.not_verified) == 0 with input as doc("westeurope", "AzureCloud", [connect([])])
}

test_without_its_input_not_verified if {
	# no connect call
	some a in cloud.not_verified with input as doc("usgovarizona", "AzureUSGovernment", [])
	contains(a.reason, "does not connect")
	count(cloud.deny) == 0 with input as doc("usgovarizona", "AzureUSGovernment", [])

	# location not known
	some b in cloud.not_verified with input as {"variables": {}, "context": {}, "commands": [connect([])]}
	contains(b.reason, "$PxAzureLocation")

	# -Environment not known statically
	unknown := {"name": "Environment", "written": "Environment", "line": 7, "value": {"kind": "unknown", "text": "$envName"}}
	some c in cloud.not_verified with input as doc("usgovarizona", "AzureUSGovernment", [connect([unknown])])
	contains(c.reason, "-Environment")
	count(cloud.deny) == 0 with input as doc("usgovarizona", "AzureUSGovernment", [connect([unknown])])
}
