# METADATA
# title: >-
#   Non-ASCII characters outside comments in a file without a byte-order mark
# description: >-
#   The file has non-ASCII characters (typographic quotes and dashes pasted from
#   documents, accented names) in strings, names or bare words, and no
#   byte-order mark. Windows PowerShell 5.1 reads such a file as Windows-1252,
#   so UTF-8 characters become other ones — but only on the deployment
#   workstation; PowerShell 7 and editors read it fine. Error when the misread
#   bytes include a character PowerShell treats as a quote (an en dash `–` is
#   UTF-8 E2 80 93, and 0x93 in Windows-1252 is `“`, which ends a string);
#   warning otherwise. Characters in comments are misread harmlessly and are not
#   counted. The finding points at the first line with such a character and
#   counts them.
# custom:
#   id: PX009
#   name: encoding-risk
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     "typos or formatting errors" that only appear on the deployment
#     workstation
#   remediation: >-
#     Save the file as UTF-8 with BOM (VS Code: "Save with Encoding" → "UTF-8
#     with BOM"), or replace the characters with ASCII ones.
#   bad: |-
#     # saved as UTF-8 without BOM
#     $PxWinAdminUser = "pex–admin"
#   good: |-
#     # saved as UTF-8 with BOM, or ASCII only
#     $PxWinAdminUser = "pex-admin"
#   fragment: true
package pxlint.rules.px009

# PX009 encoding-risk: Windows PowerShell 5.1 reads a file without a BOM as
# Windows-1252, so UTF-8 typographic quotes and dashes become other characters.
# Only where that changes what runs: characters in comments are misread
# harmlessly, so only strings, names and bare words count. When the misread
# bytes include a character PowerShell treats as a quote (UTF-8 "–" is
# E2 80 93, and 0x93 is "“"), a string ends early: an error.

_risky := [c | some c in input.source.non_ascii; object.get(c, "context", "code") != "comment"]

deny contains r if {
	not input.source.bom
	n := count(_risky)
	n > 0
	first := _first(_risky)
	quoting := [c | some c in _risky; c.misread_quote]
	r := object.union(_px009_severity(quoting), {
		"id": "PX009",
		"line": first.line,
		"msg": _px009_msg(n, first, quoting),
		"fix": _encoding_fix(first),
	})
}

_px009_severity(quoting) := {"severity": "error"} if count(quoting) > 0

else := {"severity": "warning"}

_px009_msg(n, first, quoting) := sprintf("%s outside comments in a file without a byte-order mark, the first on line %d; Windows PowerShell 5.1 reads the file as Windows-1252, where %s becomes text holding %s, which PowerShell treats as a quote: the string ends there and the script breaks", [_count(n), first.line, q.char, q.misread_quote]) if {
	count(quoting) > 0
	q := _first(quoting)
} else := sprintf("%s outside comments in a file without a byte-order mark: the first is %s on line %d; %s", [_count(n), _describe(first), first.line, _misreader])

_first(chars) := c if {
	firstline := min({x.line | some x in chars})
	col := min({x.column | some x in chars; x.line == firstline})
	some c in chars
	c.line == firstline
	c.column == col
}

# Who misreads depends on what the file is: Windows PowerShell 5.1 reads a
# file without a BOM as Windows-1252, PowerShell 7 as UTF-8.
_misreader := "PowerShell 7 reads a file without a BOM as UTF-8 and misreads these Windows-1252 characters" if {
	input.source.encoding == "windows-1252"
} else := "Windows PowerShell 5.1 reads the file as Windows-1252 and misreads them"

_count(1) := "1 non-ASCII character"

_count(n) := sprintf("%d non-ASCII characters", [n]) if {
	n > 1
	n < 100
}

_count(n) := "at least 100 non-ASCII characters" if n >= 100

_describe(c) := sprintf("%s (a typographic %s)", [c.char, c.lookalike]) if {
	c.lookalike
	c.lookalike != ""
} else := c.char

_encoding_fix(c) := sprintf("save the file as UTF-8 with BOM, or replace %s with %s", [c.char, c.lookalike]) if {
	c.lookalike
	c.lookalike != ""
} else := "save the file as UTF-8 with BOM"
