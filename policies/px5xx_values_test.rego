package pxlint.rules.values_test

import data.pxlint.lib.profile_fixtures
import data.pxlint.rules.values

only(id, findings) := {f | some f in findings; f.id == id}

s(v) := {"kind": "string", "quote": "double", "value": v, "line": 3}

full := {
	"file": "weu.ps1",
	"profile_data": profile_fixtures.az,
	"context": {"in_git_work_tree": true},
	"variables": {
		"PxBaseConnName": s("fabrikam"),
		"PxVmssRegion": s("weu"),
		"PxTeamsConnFqdn": s("teams-weu.fabrikam.net"),
		"PxNodeFqdns": s("conf01.fabrikam.net,conf02.fabrikam.net"),
		"PxSubscriptionId": s("3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"),
		"PxAzureLocation": s("westeurope"),
		"PxWinAdminUser": s("pexadmin"),
		"PxTeamsConnInstanceCount": s("2"),
		"PxPfxCertFileName": s("teams.pfx"),
		"PxTeamsConnResourceGroupName": s("fabrikam-TeamsConn-weu-RG"),
		"PxTeamsConnStaticResourceGroupName": s("fabrikam-TeamsConn-weu-static-RG"),
	},
}

set(name, v) := json.patch(full, [{"op": "add", "path": sprintf("/variables/%s", [name]), "value": v}])

test_full_passes if {
	count(values.deny) == 0 with input as full
}

# --- PX501 ---

test_px501_missing_is_file_level if {
	doc := json.patch(full, [{"op": "remove", "path": "/variables/PxAzureLocation"}])
	only("PX501", values.deny) == {{
		"id": "PX501",
		"msg": "$PxAzureLocation is not set; create_vmss_deployment.ps1 needs it",
		"fix": "$PxAzureLocation = \"<Azure region, e.g. westeurope>\"",
	}} with input as doc
}

test_px501_empty_points_at_assignment if {
	some f in values.deny with input as set("PxBaseConnName", s(""))
	f.id == "PX501"
	f.variable == "PxBaseConnName"
	some g in values.deny with input as set("PxPfxCertFileName", {"kind": "null", "value": null})
	g.variable == "PxPfxCertFileName"
}

test_px501_unknown_is_not_judged if {
	count(only("PX501", values.deny)) == 0 with input as set("PxBaseConnName", {"kind": "unknown", "reason": "Read-Host needs user input"})
}

test_px501_admin_user_optional_with_get_credential if {
	doc := json.patch(full, [
		{"op": "remove", "path": "/variables/PxWinAdminUser"},
		{"op": "add", "path": "/variables/PxWinAdminCred", "value": {"kind": "unknown", "reason": "Get-Credential", "assignments": [{"operator": "=", "line": 9, "span": {"start_line": 9, "end_line": 9}}]}},
	])
	count(only("PX501", values.deny)) == 0 with input as doc
}

test_px501_admin_user_required_when_credential_built_from_it if {
	doc := json.patch(full, [
		{"op": "remove", "path": "/variables/PxWinAdminUser"},
		{"op": "add", "path": "/variables/PxWinAdminCred", "value": {"kind": "unknown", "assignments": [{"operator": "=", "line": 9, "span": {"start_line": 9, "end_line": 9}}]}},
		{"op": "add", "path": "/references", "value": [{"name": "PxWinAdminUser", "line": 9, "column": 50, "defined": false}]},
	])
	some f in values.deny with input as doc
	f.id == "PX501"
	f.msg == "$PxWinAdminUser is not set; create_vmss_deployment.ps1 needs it (the VM credential is built from it)"
}

# --- PX503 ---

test_px503_array_is_error if {
	doc := set("PxNodeFqdns", {"kind": "array", "value": ["conf01.fabrikam.net", "conf02.fabrikam.net"], "line": 7})
	only("PX503", values.deny) == {{
		"id": "PX503", "severity": "error", "variable": "PxNodeFqdns",
		"msg": "$PxNodeFqdns is an array of 2 names; create_vmss_deployment.ps1 expects one comma-separated string",
		"fix": "$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
	}} with input as doc
}

test_px503_list_warnings if {
	doc := set("PxNodeFqdns", s("conf01.fabrikam.net, conf02.fabrikam.net,,CONF01.fabrikam.net"))
	only("PX503", values.deny) == {{
		"id": "PX503", "severity": "warning", "variable": "PxNodeFqdns",
		"msg": "$PxNodeFqdns has empty entries, spaces around commas, duplicate names (conf01.fabrikam.net)",
		"fix": "$PxNodeFqdns = \"conf01.fabrikam.net,conf02.fabrikam.net\"",
	}} with input as doc
}

# --- PX505 ---

test_px505_over_max if {
	some f in values.deny with input as set("PxTeamsConnInstanceCount", s("25"))
	f.id == "PX505"
	f.severity == "warning"
	startswith(f.msg, "$PxTeamsConnInstanceCount is 25, more than 20 instances")
}

test_px505_configured_and_error_left_to_cue if {
	doc := object.union(set("PxTeamsConnInstanceCount", {"kind": "number", "value": 25}), {"config": {"rules": {"PX505": {"max_instances": 30}}}})
	count(only("PX505", values.deny)) == 0 with input as doc
	count(only("PX505", values.deny)) == 0 with input as set("PxTeamsConnInstanceCount", s("2.5"))
	count(only("PX505", values.deny)) == 0 with input as set("PxTeamsConnInstanceCount", s("0"))
}

# --- PX506 ---

secret := {"kind": "secret", "line": 12, "secret": {"literal": true, "length": 14, "upper": true, "lower": true, "digit": true}}

test_px506_error_in_git if {
	only("PX506", values.deny) == {{
		"id": "PX506", "severity": "error", "variable": "PxWinAdminPassword",
		"msg": "$PxWinAdminPassword holds a literal secret (14 characters) in a file inside a git work tree: it is about to be committed, or already was; remove it and rotate it",
		"fix": "delete this line and prompt instead: $PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser",
	}} with input as set("PxWinAdminPassword", secret)
}

test_px506_warning_outside_git if {
	doc := json.patch(set("PxAppPassword", secret), [{"op": "replace", "path": "/context/in_git_work_tree", "value": false}])
	some f in values.deny with input as doc
	f.id == "PX506"
	f.severity == "warning"
}

test_px506_prompted_or_empty_passes if {
	count(only("PX506", values.deny)) == 0 with input as set("PxWinAdminPassword", {"kind": "secret", "secret": {"literal": false, "length": 0}})
	count(only("PX506", values.deny)) == 0 with input as set("PxWinAdminPassword", {"kind": "secret", "secret": {"literal": true, "length": 0}})
}

# --- PX508 ---

test_px508_fqdn_is_a_node if {
	doc := set("PxTeamsConnFqdn", s("CONF02.fabrikam.net"))
	some f in values.deny with input as doc
	f.id == "PX508"
	f.related == [{"file": "weu.ps1", "line": 3, "message": "the node names"}]
}

test_empty_node_array_is_px501s if {
	doc := set("PxNodeFqdns", {"kind": "array", "value": [], "elements": [], "line": 7})
	{f.id | some f in values.deny with input as doc} == {"PX501"}
}

# A variable declared required in .pxlint.hcl is PX501's when missing.
test_px501_declared_required if {
	some r in values.deny with input as {"variables": {}, "commands": [], "config": {"variables": [{"name": "PxVmSize", "type": "string", "required": true}]}}
	r.id == "PX501"
	r.msg == "$PxVmSize is not set; create_vmss_deployment.ps1 needs it"
	r.fix == "$PxVmSize = <value>"
}
