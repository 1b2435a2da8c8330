# METADATA
# title: shared fixtures for the tests of the rules split from policies/px7xx_infinity.rego
package pxlint.lib.infinity_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px701.deny | data.pxlint.rules.px702.deny | data.pxlint.rules.px703.deny | data.pxlint.rules.px704.deny | data.pxlint.rules.px705.deny | data.pxlint.rules.px706.deny | data.pxlint.rules.px707.deny | data.pxlint.rules.px708.deny | data.pxlint.rules.px709.deny | data.pxlint.rules.px710.deny | data.pxlint.rules.px711.deny | data.pxlint.rules.px712.deny | data.pxlint.rules.px713.deny | data.pxlint.rules.px714.deny | data.pxlint.rules.px715.deny | data.pxlint.rules.px716.deny | data.pxlint.rules.px717.deny | data.pxlint.rules.px718.deny

not_verified := data.pxlint.rules.px702.not_verified | data.pxlint.rules.px711.not_verified | data.pxlint.rules.px712.not_verified | data.pxlint.rules.infinity.not_verified

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

ids(id, doc) := {f | some f in deny with input as doc; f.id == id}

nv(id, doc) := {r | some r in not_verified with input as doc; r.id == id}

with_rule(r) := object.union(clean, {"rules": [r, other_rule]})

# --- PX716, PX717, PX718 ---

ca := {"at": "x.json#/ca_certificate/0/certificate", "subject": "CN=CA", "http_aia": ["http://pki.example.org/ca.crt"], "unparsed": false, "checked": false, "https_redirects": []}
