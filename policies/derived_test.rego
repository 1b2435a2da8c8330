package pxlint.lib.derived_test

import data.pxlint.lib.derived

s(v) := {"kind": "string", "quote": "double", "value": v}

profile := {
	"resource_names": {
		"vmss_resource_group": "{base}-TeamsConn-{region}-RG",
		"static_resource_group": "{base}-TeamsConn-{region}-static-RG",
		"bot_resource_group": "{base}-TeamsBotChan-RG",
		"vmss": "{base}{region}",
		"public_ip": "{base}-TeamsConn-{region}-PIP",
	},
	"bot_names": ["{base}-Trusted-TeamsBot", "{base}-Guest-TeamsBot"],
	"apps": [
		{"role": "trusted", "credential": "PxTrustedAppCred", "display_name": "{base}TeamsConnTrusted"},
		{"role": "cvi", "credential": "PxAppCred", "display_name": ""},
	],
}

doc(base, region) := {"profile_data": profile, "variables": {"PxBaseConnName": s(base), "PxVmssRegion": s(region)}}

test_names_expanded if {
	derived.names == {
		"vmss_resource_group": "fabrikam-TeamsConn-weu-RG",
		"static_resource_group": "fabrikam-TeamsConn-weu-static-RG",
		"bot_resource_group": "fabrikam-TeamsBotChan-RG",
		"vmss": "fabrikamweu",
		"public_ip": "fabrikam-TeamsConn-weu-PIP",
	} with input as doc("fabrikam", "weu")
}

test_bots_and_apps if {
	derived.bots == ["fabrikam-Trusted-TeamsBot", "fabrikam-Guest-TeamsBot"] with input as doc("fabrikam", "weu")
	derived.apps == {"trusted": "fabrikamTeamsConnTrusted"} with input as doc("fabrikam", "weu")
}

# A broken region (PX202's) leaves out only the names that use it.
test_bad_region_keeps_base_only_names if {
	derived.names == {"bot_resource_group": "fabrikam-TeamsBotChan-RG"} with input as doc("fabrikam", "West-EU")
}

# A broken base name (PX201's) derives nothing.
test_bad_base_derives_nothing if {
	count(derived.names) == 0 with input as doc("fabri-kam", "weu")
	not derived.bots with input as doc("fabri-kam", "weu")
}

test_plan_carries_patterns if {
	p := derived.plan with input as doc("fabrikam", "weu")
	p.names.vmss == {"name": "fabrikamweu", "pattern": "{base}{region}"}
	p.apps == [{"role": "trusted", "name": "fabrikamTeamsConnTrusted", "pattern": "{base}TeamsConnTrusted"}]
	count(p.bots) == 2
}

certs := {
	"teams_connector": {"path": "teams.pfx", "status": "read", "leaf": {"dns_names": ["*.fabrikam.net"]}},
	"nodes": [{"path": "nodes.pem", "status": "read", "leaf": {"dns_names": ["conf01.fabrikam.net"]}}],
}

cert_doc := object.union(doc("fabrikam", "weu"), {
	"certificates": certs,
	"variables": {
		"PxBaseConnName": s("fabrikam"), "PxVmssRegion": s("weu"),
		"PxTeamsConnFqdn": s("teams-weu.fabrikam.net"),
		"PxNodeFqdns": s("conf01.fabrikam.net, conf02.fabrikam.net"),
	},
})

test_coverage_wildcard_and_missing_node if {
	{c | some c in derived.coverage} == {
		{"host": "conf01.fabrikam.net", "variable": "PxNodeFqdns", "role": "node", "covered_by": [{"cert": "nodes.pem", "name": "conf01.fabrikam.net"}]},
		{"host": "conf02.fabrikam.net", "variable": "PxNodeFqdns", "role": "node", "covered_by": []},
		{"host": "teams-weu.fabrikam.net", "variable": "PxTeamsConnFqdn", "role": "teams", "covered_by": [{"cert": "teams.pfx", "name": "*.fabrikam.net"}]},
	} with input as cert_doc
}

# Without certificates nothing is claimed either way.
test_no_certificates_no_coverage if {
	derived.coverage == [] with input as object.union(cert_doc, {"certificates": {"teams_connector": null, "nodes": []}})
}
