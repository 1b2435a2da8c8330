package pxlint.rules.px006_test

import data.pxlint.lib.script_fixtures as script
import data.pxlint.lib.script_fixtures.only

# --- PX006 ---------------------------------------------------------------

test_px006_duplicate if {
	doc := {"variables": {"PxVmssRegion": {"kind": "string", "value": "neu", "assignments": [
		{"operator": "=", "line": 3, "column": 1, "span": {"start_line": 3, "end_line": 3}},
		{"operator": "=", "line": 20, "column": 1, "span": {"start_line": 20, "end_line": 20}},
	]}}}
	only("PX006", script.deny) == {{
		"id": "PX006", "line": 3,
		"msg": "$PxVmssRegion is assigned here and again on line 20; the last assignment (line 20) wins, so the value deployed is \"neu\"",
		"fix": "delete the assignment on line 3, or merge it into the one on line 20",
	}} with input as doc
}

test_px006_secret_value_not_named if {
	doc := {"variables": {"PxWinAdminPassword": {"kind": "secret", "secret": {"literal": true, "length": 12}, "assignments": [
		{"operator": "=", "line": 3, "column": 1, "span": {"start_line": 3, "end_line": 3}},
		{"operator": "=", "line": 4, "column": 1, "span": {"start_line": 4, "end_line": 4}},
	]}}}
	some f in script.deny with input as doc
	f.id == "PX006"
	endswith(f.msg, "wins")
}

test_px006_pass if {
	doc := {
		"variables": {
			"PxNodesSourceAddressPrefixes": {"kind": "array", "assignments": [
				{"operator": "=", "line": 3, "column": 1, "span": {"start_line": 3, "end_line": 3}},
				{"operator": "+=", "line": 4, "column": 1, "span": {"start_line": 4, "end_line": 4}},
				{"operator": "=", "line": 5, "column": 1, "span": {"start_line": 5, "end_line": 5}},
			]},
			"PxVmssRegion": {"kind": "unknown", "assignments": [
				{"operator": "=", "line": 8, "column": 5, "conditional": true, "span": {"start_line": 8, "end_line": 8}},
				{"operator": "=", "line": 10, "column": 5, "conditional": true, "span": {"start_line": 10, "end_line": 10}},
			]},
		},
		"references": [{"name": "PxNodesSourceAddressPrefixes", "line": 5, "column": 33, "defined": true}],
	}
	count(only("PX006", script.deny)) == 0 with input as doc
}

# A dot-sourced default overridden by the includer is not a duplicate.
test_px006_override_of_dot_sourced_value if {
	doc := {"file": "weu.ps1", "references": [], "variables": {"PxMgmtSrcAddrPrefixes": {
		"kind": "array", "line": 4,
		"assignments": [
			{"operator": "=", "line": 3, "column": 1, "file": "common.ps1", "span": {"start_line": 3, "end_line": 3}},
			{"operator": "=", "line": 4, "column": 1, "span": {"start_line": 4, "end_line": 4}},
		],
	}}}
	count(only("PX006", script.deny)) == 0 with input as doc
}

# The rule tests count(var.assignments) before filtering them: a variable
# without assignments (null or absent, e.g. set only in a dot-sourced file)
# or with one must not fail the evaluation or report.
test_px006_no_or_one_assignment if {
	doc := {"variables": {
		"PxVmssRegion": {"kind": "string", "value": "neu", "assignments": null},
		"PxBaseConnName": {"kind": "string", "value": "fabrikam"},
		"PxAzureLocation": {"kind": "string", "value": "westeurope", "assignments": [
			{"operator": "=", "line": 3, "column": 1, "span": {"start_line": 3, "end_line": 3}},
		]},
	}}
	count(only("PX006", script.deny)) == 0 with input as doc
}
