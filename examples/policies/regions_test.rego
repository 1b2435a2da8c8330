package acme.regions_test

import data.acme.regions

test_allowed_region_passes if {
	count(regions.warn) == 0 with input as {"variables": {"PxAzureLocation": {"kind": "string", "value": "northeurope"}}}
}

test_other_region_warns if {
	regions.warn == {`ACME deploys only to ["northeurope", "westeurope"], not to "uksouth"`} with input as {"variables": {"PxAzureLocation": {"kind": "string", "value": "uksouth"}}}
}
