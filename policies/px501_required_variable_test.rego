package pxlint.rules.px501_test

import data.pxlint.lib.values_fixtures.full
import data.pxlint.lib.values_fixtures.only
import data.pxlint.lib.values_fixtures.s
import data.pxlint.lib.values_fixtures.set
import data.pxlint.lib.values_fixtures as values

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
