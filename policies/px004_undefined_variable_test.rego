package pxlint.rules.px004_test

import data.pxlint.lib.profile_fixtures
import data.pxlint.lib.script_fixtures as script
import data.pxlint.lib.script_fixtures.only

# --- PX004 ---------------------------------------------------------------

test_px004_used_before_assignment if {
	doc := {
		"variables": {"PxVmssRegion": {"kind": "string", "value": "weu", "assignments": [{"operator": "=", "line": 9}]}},
		"references": [
			{"name": "PxVmssRegion", "line": 4, "column": 50, "defined": false, "context": "string"},
			{"name": "PxVmssRegion", "line": 5, "column": 50, "defined": false, "context": "string"},
			{"name": "PxVmssRegion", "line": 12, "column": 5, "defined": true, "context": "argument"},
		],
	}
	only("PX004", script.deny) == {{
		"id": "PX004", "line": 4,
		"msg": "$PxVmssRegion is used on line 4 before it is assigned (line 9), so it is $null there (and 1 more use later)",
		"fix": "move the assignment of $PxVmssRegion above line 4",
	}} with input as doc
}

test_px004_never_assigned_suggests_name if {
	doc := {"profile_data": profile_fixtures.az, "variables": {}, "references": [{"name": "PxNodeFqdn", "line": 7, "column": 1, "defined": false, "context": "argument"}]}
	some f in script.deny with input as doc
	f.id == "PX004"
	f.fix == "rename it to $PxNodeFqdns"
}

test_px004_pass if {
	doc := {"profile_data": profile_fixtures.az, "variables": {}, "references": [
		{"name": "PxVmssRegion", "line": 4, "defined": true},
		{"name": "PxExtra", "line": 5, "defined": false, "defined_elsewhere": true},
		# a required variable that is missing altogether is PX501's
		{"name": "PxBaseConnName", "line": 6, "defined": false},
	]}
	count(only("PX004", script.deny)) == 0 with input as doc
}

test_px004_condition_is_not_a_use if {
	doc := {"variables": {}, "references": [{"name": "PxExtraTag", "line": 4, "column": 5, "defined": false, "context": "condition"}]}
	count(only("PX004", script.deny)) == 0 with input as doc
}

test_px004_underlines_the_first_use if {
	doc := {"variables": {}, "references": [
		{"name": "PxNodeFqdn", "line": 7, "column": 30, "defined": false, "context": "string", "span": {"start_line": 7, "start_column": 30, "end_line": 7, "end_column": 41}},
		{"name": "PxNodeFqdn", "line": 7, "column": 9, "defined": false, "context": "string", "span": {"start_line": 7, "start_column": 9, "end_line": 7, "end_column": 20}},
	]}
	some f in script.deny with input as doc
	f.id == "PX004"
	f.span == {"start_line": 7, "start_column": 9, "end_line": 7, "end_column": 20}
}
