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
