package pxlint.rules.px701_test

import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids
import data.pxlint.lib.infinity_fixtures.nv

test_px701_dangling if {
	doc := object.union(clean, {"dangling": [{"at": "x.json#/teams_proxy/0/azure_tenant", "field": "teams_proxy.azure_tenant", "target": "azure_tenant", "ref": "azure_tenant/9"}]})
	fs := ids("PX701", doc)
	count(fs) == 1
	some f in fs
	contains(f.msg, "azure_tenant/9")
}

test_px701_missing_is_info_and_not_verified if {
	doc := object.union(clean, {"missing": ["worker_vm", "global"]})
	fs := ids("PX701", doc)
	count(fs) == 1
	some f in fs
	f.severity == "info"
	count(nv("PX707", doc)) == 1
	count(nv("PX717", doc)) == 1
	count(nv("PX702", doc)) == 0
}
