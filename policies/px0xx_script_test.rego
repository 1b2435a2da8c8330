package pxlint.rules.script_test

import data.pxlint.lib.profile_fixtures
import data.pxlint.rules.script

ids(findings) := {f.id | some f in findings}

only(id, findings) := {f | some f in findings; f.id == id}

# --- PX002 ---------------------------------------------------------------

test_px002_bare_element if {
	doc := {"variables": {"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [
		{"kind": "bare", "value": null, "text": "80.213.4.17"},
		{"kind": "quoted", "quote": "double", "value": "31.45.128.0/27", "text": "\"31.45.128.0/27\""},
	]}}}
	fs := only("PX002", script.deny) with input as doc
	fs == {{
		"id": "PX002", "variable": "PxNodesSourceAddressPrefixes", "element": 0,
		"msg": "80.213.4.17 in $PxNodesSourceAddressPrefixes is not quoted: PowerShell evaluates it to $null, not to the address",
		"fix": "\"80.213.4.17\"",
	}}
}

test_px002_bare_scalar_cidr if {
	doc := {"variables": {"PxMgmtSrcAddrPrefixes": {"kind": "number", "value": 0, "text": "91.90.42.64/26"}}}
	some f in script.deny with input as doc
	f.id == "PX002"
	f.fix == "$PxMgmtSrcAddrPrefixes = \"91.90.42.64/26\""
	contains(f.msg, "0 ($null divided")
}

test_px002_appended_element_reported_once_at_source if {
	doc := {"variables": {"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [{"kind": "bare", "value": null, "text": "1.2.3.4", "from": "PxMgmtSrcAddrPrefixes"}]}}}
	count(only("PX002", script.deny)) == 0 with input as doc
}

test_px002_quoted_and_non_address_pass if {
	doc := {"variables": {
		"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [{"kind": "quoted", "quote": "double", "value": "1.2.3.4", "text": "\"1.2.3.4\""}]},
		"PxTeamsConnInstanceCount": {"kind": "number", "value": 2, "text": "2"},
		"PxVmssRegion": {"kind": "string", "quote": "double", "value": "1.2.3.4", "text": "\"1.2.3.4\""},
	}}
	count(only("PX002", script.deny)) == 0 with input as doc
}

# --- PX003 ---------------------------------------------------------------

test_px003_single_quoted_subexpression if {
	doc := {"variables": {"PxTeamsConnResourceGroupName": {"kind": "string", "quote": "single", "value": "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"}}}
	fs := only("PX003", script.deny) with input as doc
	count(fs) == 1
	some f in fs
	f.variable == "PxTeamsConnResourceGroupName"
	f.fix == "$PxTeamsConnResourceGroupName = \"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\""
}

test_px003_single_quoted_known_variable if {
	doc := {"variables": {
		"PxBaseConnName": {"kind": "string", "quote": "double", "value": "x"},
		"PxPfxCertFileName": {"kind": "string", "quote": "single", "value": "$PxBaseConnName.pfx"},
	}}
	"PX003" in ids(script.deny) with input as doc
}

test_px003_element if {
	doc := {"variables": {"PxMgmtSrcAddrPrefixes": {"kind": "array", "elements": [{"kind": "quoted", "quote": "single", "value": "$($net)", "text": "'$($net)'"}]}}}
	some f in script.deny with input as doc
	f.id == "PX003"
	f.element == 0
}

test_px003_pass if {
	doc := {"variables": {
		"PxWinAdminPassword": {"kind": "secret", "quote": "single", "secret": {"literal": true, "length": 14}},
		"PxAppPassword": {"kind": "secret", "quote": "single", "secret": {"literal": true, "length": 4}},
		"PxVmssRegion": {"kind": "string", "quote": "single", "value": "weu"},
		"PxTeamsConnFqdn": {"kind": "string", "quote": "single", "value": "costs $5"},
		"PxTeamsConnResourceGroupName": {"kind": "string", "quote": "double", "value": "$(x)"},
	}}
	count(only("PX003", script.deny)) == 0 with input as doc
}

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

# --- PX009 ---------------------------------------------------------------

test_px009_no_bom if {
	doc := {"source": {"bom": false, "encoding": "utf-8", "non_ascii": [
		{"line": 7, "column": 30, "char": "é", "context": "code"},
		{"line": 4, "column": 20, "char": "“", "lookalike": "\"", "context": "string"},
		{"line": 4, "column": 25, "char": "”", "lookalike": "\"", "context": "string"},
		{"line": 2, "column": 5, "char": "–", "lookalike": "-", "context": "comment", "misread_quote": "“"},
	]}}
	only("PX009", script.deny) == {{
		"id": "PX009", "line": 4, "severity": "warning",
		"msg": "3 non-ASCII characters outside comments in a file without a byte-order mark: the first is “ (a typographic \") on line 4; Windows PowerShell 5.1 reads the file as Windows-1252 and misreads them",
		"fix": "save the file as UTF-8 with BOM, or replace “ with \"",
	}} with input as doc
}

# An en dash in a string: its UTF-8 bytes E2 80 93 read as Windows-1252 hold
# 0x93, a quote to PowerShell, which ends the string.
test_px009_misread_quote_is_an_error if {
	doc := {"source": {"bom": false, "encoding": "utf-8", "non_ascii": [
		{"line": 3, "column": 1, "char": "–", "lookalike": "-", "context": "comment", "misread_quote": "“"},
		{"line": 9, "column": 22, "char": "é", "context": "string"},
		{"line": 12, "column": 30, "char": "–", "lookalike": "-", "context": "string", "misread_quote": "“"},
	]}}
	only("PX009", script.deny) == {{
		"id": "PX009", "line": 9, "severity": "error",
		"msg": "2 non-ASCII characters outside comments in a file without a byte-order mark, the first on line 9; Windows PowerShell 5.1 reads the file as Windows-1252, where – becomes text holding “, which PowerShell treats as a quote: the string ends there and the script breaks",
		"fix": "save the file as UTF-8 with BOM",
	}} with input as doc
}

# Comments are misread harmlessly: real scripts copied from the install guide
# have en dashes in them.
test_px009_comments_only_pass if {
	doc := {"source": {"bom": false, "encoding": "utf-8", "non_ascii": [
		{"line": 3, "column": 1, "char": "–", "lookalike": "-", "context": "comment", "misread_quote": "“"},
	]}}
	count(only("PX009", script.deny)) == 0 with input as doc
}

test_px009_pass if {
	count(only("PX009", script.deny)) == 0 with input as {"source": {"bom": true, "non_ascii": [{"line": 1, "column": 1, "char": "é"}]}}
	count(only("PX009", script.deny)) == 0 with input as {"source": {"bom": false, "non_ascii": []}}
}

test_px004_condition_is_not_a_use if {
	doc := {"variables": {}, "references": [{"name": "PxExtraTag", "line": 4, "column": 5, "defined": false, "context": "condition"}]}
	count(only("PX004", script.deny)) == 0 with input as doc
}

test_px009_windows_1252_names_powershell_7 if {
	some r in only("PX009", script.deny) with input as {"source": {"bom": false, "encoding": "windows-1252", "non_ascii": [{"line": 3, "column": 5, "char": "ë"}]}}
	contains(r.msg, "PowerShell 7 reads a file without a BOM as UTF-8")
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
