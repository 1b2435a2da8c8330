package pxlint.rules.px706_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.connector
import data.pxlint.lib.infinity_fixtures.ids

test_px706_cases if {
	every id in ["org.onmicrosoft.com", "not-a-guid", "00000000-0000-0000-0000-000000000000", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "1f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"] {
		doc := object.union(clean, {"connectors": [object.union(connector, {"tenant_id": id})]})
		count(ids("PX706", doc)) == 1
	}
}

test_px706_unset if {
	doc := object.union(clean, {"connectors": [object.union(connector, {"tenant_set": false, "tenant_found": false})]})
	some f in ids("PX706", doc)
	f.field == "azure_tenant"
}

test_px706_no_expected_is_info if {
	doc := object.union(clean, {"config": object.union(clean.config, {"expected_tenant_ids": []})})
	some f in ids("PX706", doc)
	f.severity == "info"
}
