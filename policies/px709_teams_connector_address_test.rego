package pxlint.rules.px709_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.connector
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.nv

test_px709_unknown_fqdn_not_judged if {
	doc := object.union(clean, {
		"scripts": [object.union(clean.scripts[0], {"teams_conn_fqdn": "", "unknown": ["PxTeamsConnFqdn"]})],
		"connectors": [object.union(connector, {"script": ""})],
	})
	count(ids("PX709", doc)) == 0
	count(nv("PX709", doc)) == 1
}

test_px709_not_dns if {
	doc := object.union(clean, {"connectors": [object.union(connector, {"address": "https://tc.example.org/", "script": ""})]})
	fs := ids("PX709", doc)
	count(fs) == 1
}

test_px709_no_script_and_port if {
	doc := object.union(clean, {"connectors": [object.union(connector, {"script": "", "port": 8443})]})
	fs := ids("PX709", doc)
	count(fs) == 2
}
