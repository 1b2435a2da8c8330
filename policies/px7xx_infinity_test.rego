package pxlint.rules.infinity_test

import data.pxlint.rules.infinity

# A minimal clean input, in the shape lint/infinity builds: one Teams rule
# and one Teams Virtual Reception through location l1 to connector c1,
# two nodes, one script that agrees. Each test changes one thing.

samples := [
	{"alias": "123456789", "id": "123456789", "domain": "", "service": ""},
	{"alias": "123456789@vc.example.org", "id": "123456789", "domain": "vc.example.org", "service": ""},
]

teams_rule := {
	"at": "x.json#/gateway_routing_rule/0", "name": "Teams", "priority": 40, "enable": true, "teams": true,
	"called_device_type": "teams_conference", "outgoing_protocol": "teams", "match_incoming_calls": true,
	"protocols": {"sip": true, "h323": true, "webrtc": true, "mssip": false, "teams": false},
	"match_incoming_only_if_registered": false, "match_string_full": false, "live_captions_enabled": "no",
	"match_string": "(\\d{9,12})(@vc\\.example\\.org)?", "replace_string": "\\1",
	"patterns": [{"field": "match_string", "source": "(\\d{9,12})(@vc\\.example\\.org)?", "kind": "translatable", "problems": [], "mistakes": [], "evaluable": true, "approximate": false, "template_field": "replace_string", "template_error": "", "dollar": false}],
	"evaluated": true, "approximate": false, "matches": [true, true], "results": ["123456789", "123456789"],
	"teams_proxy": "teams_proxy/1", "outgoing_location": "system_location/1", "match_source_location": "", "automatic": false,
	"routes": [{"location": "system_location/1", "location_name": "Edge", "connector": "teams_proxy/1"}],
}

other_rule := object.union(teams_rule, {
	"at": "x.json#/gateway_routing_rule/1", "name": "Other", "priority": 90, "teams": false,
	"called_device_type": "external", "outgoing_protocol": "sip", "live_captions_enabled": "default",
	"matches": [false, false], "results": ["", ""], "teams_proxy": "", "outgoing_location": "",
	"routes": [],
})

reception := {
	"at": "x.json#/conference/0", "name": "Teams IVR", "teams_proxy": "", "lookup_location": "system_location/1", "automatic": false,
	"routes": [{"location": "system_location/1", "location_name": "Edge", "connector": "teams_proxy/1"}],
	"aliases": [{"at": "x.json#/conference/0/aliases/0/alias", "alias": "teams@vc.example.org", "domain": "vc.example.org", "shadowed_rules": []}],
	"patterns": [
		{"field": "match_string", "source": "", "kind": "translatable", "problems": [], "mistakes": [], "evaluable": true, "approximate": false, "template_field": "replace_string", "template_error": "", "dollar": false},
		{"field": "post_match_string", "source": "", "kind": "translatable", "problems": [], "mistakes": [], "evaluable": true, "approximate": false, "template_field": "post_replace_string", "template_error": "", "dollar": false},
	],
	"evaluated": true,
	"ids": [{"id": "123456789", "matched": true, "result": "123456789", "post_matched": true, "post_result": "123456789"}],
}

tenant := "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"

connector := {
	"at": "x.json#/teams_proxy/0", "key": "teams_proxy/1", "name": "TC", "address": "tc.example.org", "port": 443,
	"tenant_set": true, "tenant_found": true, "tenant_at": "x.json#/azure_tenant/0/tenant_id", "tenant_id": tenant, "tenant_name": "Org",
	"script": "v.ps1",
}

node(i, name, nat) := {
	"at": sprintf("x.json#/worker_vm/%d", [i]), "key": sprintf("worker_vm/%d", [i]), "name": name, "fqdn": sprintf("%s.vc.example.org", [name]),
	"address": sprintf("10.0.0.%d", [i]), "static_nat_address": nat, "node_type": "PROXYING", "maintenance_mode": false,
	"location": "system_location/1", "pool_names": [],
}

clean := {
	"kind": "infinity", "export": "x.json", "missing": [],
	"config": {"teams_domains": ["vc.example.org"], "expected_tenant_ids": [tenant], "tenant_source": "--tenant-id", "teams_id_lengths": [9, 12]},
	"scripts_given": true,
	"scripts": [{"file": "v.ps1", "teams_conn_fqdn": "tc.example.org", "node_fqdns": ["e1.vc.example.org", "e2.vc.example.org"], "node_prefixes": ["80.1.1.0/28"], "unknown": []}],
	"samples": samples,
	"rules": [teams_rule, other_rule],
	"receptions": [reception],
	"connectors": [connector],
	"locations": [
		{"at": "x.json#/system_location/0", "key": "system_location/1", "name": "Edge", "connector": "teams_proxy/1", "nodes": ["worker_vm/1", "worker_vm/2"]},
		{"at": "x.json#/system_location/1", "key": "system_location/2", "name": "Empty", "connector": "", "nodes": []},
	],
	"nodes": [node(1, "e1", "80.1.1.1"), node(2, "e2", "80.1.1.2")],
	"dangling": [], "secrets": [], "ca_certificates": [],
	"global": {"at": "x.json#/global/enable_application_api", "enable_application_api": true},
}

ids(id, doc) := {f | some f in infinity.deny with input as doc; f.id == id}

nv(id, doc) := {r | some r in infinity.not_verified with input as doc; r.id == id}

with_rule(r) := object.union(clean, {"rules": [r, other_rule]})

test_clean_has_no_findings if {
	count(infinity.deny) == 0 with input as clean
	count(infinity.not_verified) == 0 with input as clean
}

# --- PX701 ---

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

# --- PX702 ---

test_px702_empty_template if {
	r := object.union(teams_rule, {"replace_string": "", "results": ["123456789", "123456789@vc.example.org"]})
	fs := ids("PX702", with_rule(r))
	count(fs) == 1
	some f in fs
	contains(f.msg, "passed on unchanged")
	f.field == "replace_string"
}

test_px702_dollar if {
	p := object.union(teams_rule.patterns[0], {"dollar": true})
	r := object.union(teams_rule, {"replace_string": "$1", "results": ["$1", "$1"], "patterns": [p]})
	some f in ids("PX702", with_rule(r))
	contains(f.msg, "$1 is literal")
}

test_px702_not_evaluated if {
	r := object.union(teams_rule, {"evaluated": false})
	count(ids("PX702", with_rule(r))) == 0
	count(nv("PX702", with_rule(r))) == 1
}

# --- PX703 ---

test_px703_invalid_and_template if {
	p := object.union(teams_rule.patterns[0], {"kind": "invalid", "problems": ["bad escape \\z"], "template_error": "invalid group reference 2"})
	r := object.union(teams_rule, {"patterns": [p], "evaluated": false})
	fs := ids("PX703", with_rule(r))
	count(fs) == 2
}

test_px703_backtracking_is_warning if {
	p := object.union(teams_rule.patterns[0], {"kind": "backtracking", "problems": ["a lookahead (?=…)"]})
	r := object.union(teams_rule, {"patterns": [p], "evaluated": false})
	some f in ids("PX703", with_rule(r))
	f.severity == "warning"
	contains(f.msg, "not verified")
}

test_px703_mistake if {
	p := object.union(teams_rule.patterns[0], {"mistakes": ["Python has no POSIX classes"]})
	r := object.union(teams_rule, {"patterns": [p]})
	count(ids("PX703", with_rule(r))) == 1
}

# --- PX704 ---

test_px704_no_teams_rule if {
	doc := object.union(clean, {"rules": [other_rule]})
	fs := ids("PX704", doc)
	count(fs) == 1
	some f in fs
	contains(f.msg, "123456789@vc.example.org")
}

test_px704_registered_only_warns if {
	r := object.union(teams_rule, {"match_incoming_only_if_registered": true, "match_string_full": true})
	fs := ids("PX704", with_rule(r))
	count(fs) == 2
	every f in fs {
		f.severity == "warning"
	}
}

# --- PX705 ---

test_px705_no_connector if {
	r := object.union(teams_rule, {"teams_proxy": "", "routes": [{"location": "system_location/2", "location_name": "Empty", "connector": ""}]})
	fs := ids("PX705", with_rule(r))
	count(fs) == 1
	some f in fs
	contains(f.msg, "\"Empty\"")
}

test_px705_automatic_some_locations_warn if {
	r := object.union(teams_rule, {"teams_proxy": "", "outgoing_location": "", "automatic": true, "routes": [
		{"location": "system_location/1", "location_name": "Edge", "connector": "teams_proxy/1"},
		{"location": "system_location/2", "location_name": "Empty", "connector": ""},
	]})
	some f in ids("PX705", with_rule(r))
	f.severity == "warning"
}

# --- PX706 ---

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

# --- PX707 ---

test_px707_node_not_listed if {
	doc := object.union(clean, {"scripts": [object.union(clean.scripts[0], {"node_fqdns": ["e1.vc.example.org"]})]})
	fs := ids("PX707", doc)
	count(fs) == 1
	some f in fs
	contains(f.msg, "e2.vc.example.org")
	contains(f.msg, "Call Routing Rule \"Teams\" and Virtual Reception \"Teams IVR\"")
}

test_px707_pool_name_passes if {
	n := object.union(node(2, "e2", "80.1.1.2"), {"pool_names": ["e1.vc.example.org"]})
	doc := object.union(clean, {"nodes": [node(1, "e1", "80.1.1.1"), n], "scripts": [object.union(clean.scripts[0], {"node_fqdns": ["e1.vc.example.org"]})]})
	count(ids("PX707", doc)) == 0
}

test_px707_unknown_node_list_not_verified if {
	doc := object.union(clean, {"scripts": [object.union(clean.scripts[0], {"node_fqdns": [], "unknown": ["PxNodeFqdns"]})]})
	count(ids("PX707", doc)) == 0
	count(nv("PX707", doc)) == 1
}

test_px709_unknown_fqdn_not_judged if {
	doc := object.union(clean, {
		"scripts": [object.union(clean.scripts[0], {"teams_conn_fqdn": "", "unknown": ["PxTeamsConnFqdn"]})],
		"connectors": [object.union(connector, {"script": ""})],
	})
	count(ids("PX709", doc)) == 0
	count(nv("PX709", doc)) == 1
}

test_px707_no_scripts_not_verified if {
	doc := object.union(clean, {"scripts_given": false, "scripts": [], "connectors": [object.union(connector, {"script": ""})]})
	count(ids("PX707", doc)) == 0
	count(nv("PX707", doc)) == 1
}

# --- PX708 ---

test_px708_empty_location if {
	doc := object.union(clean, {"locations": [object.union(clean.locations[0], {"nodes": []})]})
	some f in ids("PX708", doc)
	not f.severity
}

test_px708_maintenance_and_mixed if {
	n1 := object.union(node(1, "e1", "80.1.1.1"), {"maintenance_mode": true, "node_type": "CONFERENCING"})
	n2 := object.union(node(2, "e2", "80.1.1.2"), {"maintenance_mode": true})
	fs := ids("PX708", object.union(clean, {"nodes": [n1, n2]}))
	count(fs) == 2
}

# --- PX709 ---

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

# --- PX710 ---

test_px710_private_without_nat if {
	doc := object.union(clean, {"nodes": [node(1, "e1", ""), node(2, "e2", "80.1.1.2")]})
	some f in ids("PX710", doc)
	contains(f.msg, "private address 10.0.0.1")
}

test_px710_outside_prefixes if {
	doc := object.union(clean, {"nodes": [node(1, "e1", "80.1.1.1"), node(2, "e2", "80.9.9.9")]})
	fs := ids("PX710", doc)
	count(fs) == 1
	some f in fs
	f.field == "static_nat_address"
}

# --- PX711 ---

test_px711_shadowed_some if {
	w := object.union(other_rule, {"priority": 10, "matches": [false, true], "results": ["", "x"]})
	doc := object.union(clean, {"rules": [teams_rule, w]})
	fs := ids("PX711", doc)
	count(fs) == 1
	some f in fs
	f.severity == "warning"
}

test_px711_shadowed_all_is_error if {
	w := object.union(other_rule, {"priority": 10, "matches": [true, true], "results": ["x", "x"]})
	some f in ids("PX711", object.union(clean, {"rules": [teams_rule, w]}))
	f.severity == "error"
}

test_px711_tie if {
	w := object.union(other_rule, {"priority": 40, "matches": [true, false], "results": ["x", ""]})
	some f in ids("PX711", object.union(clean, {"rules": [teams_rule, w]}))
	contains(f.msg, "share priority 40")
}

test_px711_service_alias if {
	doc := object.union(clean, {"samples": [samples[0], object.union(samples[1], {"service": "Board"})]})
	some f in ids("PX711", doc)
	contains(f.msg, "service \"Board\"")
}

# --- PX712 ---

test_px712_rejects_and_changes if {
	v := object.union(reception, {"ids": [
		{"id": "123456789", "matched": false, "result": "", "post_matched": true, "post_result": ""},
		{"id": "1234567890", "matched": true, "result": "x", "post_matched": true, "post_result": "x"},
	]})
	fs := ids("PX712", object.union(clean, {"receptions": [v]}))
	count(fs) == 2
}

# --- PX713 ---

test_px713_bare_not_routed if {
	r := object.union(teams_rule, {"matches": [false, true], "results": ["", "123456789"]})
	count(ids("PX713", with_rule(r))) == 1
}

# --- PX714 ---

test_px714_no_alias_and_shadowed if {
	v1 := object.union(reception, {"aliases": []})
	count(ids("PX714", object.union(clean, {"receptions": [v1]}))) == 1
	a := object.union(reception.aliases[0], {"shadowed_rules": ["Other"]})
	v2 := object.union(reception, {"aliases": [a]})
	count(ids("PX714", object.union(clean, {"receptions": [v2]}))) == 1
}

# --- PX715 ---

test_px715_inconsistent if {
	r := object.union(teams_rule, {"outgoing_protocol": "sip", "live_captions_enabled": "yes"})
	count(ids("PX715", with_rule(r))) == 1
	r2 := object.union(teams_rule, {"live_captions_enabled": "yes", "match_incoming_calls": false})
	count(ids("PX715", with_rule(r2))) == 2
}

# --- PX716, PX717, PX718 ---

ca := {"at": "x.json#/ca_certificate/0/certificate", "subject": "CN=CA", "http_aia": ["http://pki.example.org/ca.crt"], "unparsed": false, "checked": false, "https_redirects": []}

test_px716_http_aia_offline if {
	some f in ids("PX716", object.union(clean, {"ca_certificates": [ca]}))
	contains(f.msg, "run with --online")
}

test_px716_online if {
	count(ids("PX716", object.union(clean, {"ca_certificates": [object.union(ca, {"checked": true})]}))) == 0
	bad := object.union(ca, {"checked": true, "https_redirects": ["http://pki.example.org/ca.crt"]})
	some f in ids("PX716", object.union(clean, {"ca_certificates": [bad]}))
	contains(f.msg, "redirects to https")
}

test_px717_client_api_off if {
	doc := object.union(clean, {"global": {"at": "x.json#/global/enable_application_api", "enable_application_api": false}})
	count(ids("PX717", doc)) == 1
}

test_px718_secret_never_echoed if {
	doc := object.union(clean, {"secrets": [{"at": "x.json#/teams_proxy/0/notifications_queue", "field": "teams_proxy.notifications_queue", "what": "an Event Hub SharedAccessKey"}]})
	some f in ids("PX718", doc)
	not f.severity # the registry's: info
	contains(f.msg, "does not show it")
}
