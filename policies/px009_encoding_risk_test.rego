package pxlint.rules.px009_test

import data.pxlint.lib.script_fixtures as script
import data.pxlint.lib.script_fixtures.only

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

test_px009_windows_1252_names_powershell_7 if {
	some r in only("PX009", script.deny) with input as {"source": {"bom": false, "encoding": "windows-1252", "non_ascii": [{"line": 3, "column": 5, "char": "ë"}]}}
	contains(r.msg, "PowerShell 7 reads a file without a BOM as UTF-8")
}
