# METADATA
# title: the script itself (quoting, expansion, undefined and duplicate variables, encoding)
# description: PX002, PX003, PX004, PX006 and PX009 (PX001, PX007 and PX011 are the engine's, PX005 and PX008 CUE's).
# custom:
#   id: [PX002, PX003, PX004, PX006, PX009]
package pxlint.rules.script

import data.pxlint.lib

# ---------------------------------------------------------------------------
# PX002 unquoted-address: PowerShell reads 80.213.4.17 as `80.213` followed by
# the member access `.4.17` ($null), and 91.90.42.64/26 as `$null / 26`.

deny contains r if {
	some name, var in input.variables
	some i, el in var.elements
	el.kind == "bare"
	not _appended(el)
	lib.looks_like_address(el.text)
	r := {
		"id": "PX002",
		"variable": name,
		"element": i,
		"msg": sprintf("%s in $%s is not quoted: PowerShell evaluates it to %s, not to the address", [el.text, name, _bare_value(el.text)]),
		"fix": sprintf("\"%s\"", [el.text]),
	}
}

deny contains r if {
	some name, var in input.variables
	not var.kind in {"string", "secret"}
	not var.quote
	lib.looks_like_address(var.text)
	r := {
		"id": "PX002",
		"variable": name,
		"msg": sprintf("$%s = %s is not quoted: PowerShell evaluates it to %s, not to the address", [name, var.text, _bare_value(var.text)]),
		"fix": sprintf("$%s = \"%s\"", [name, var.text]),
	}
}

_appended(el) if {
	el.from
	el.from != ""
}

_bare_value(text) := "0 ($null divided by the prefix length)" if contains(text, "/")

_bare_value(text) := "$null" if not contains(text, "/")

# ---------------------------------------------------------------------------
# PX003 single-quoted-expansion: '$($PxBaseConnName)-RG' stays literal.

deny contains r if {
	some name, var in input.variables
	lib.unexpanded(var)
	not _secret(name, var)
	r := object.union(
		{
			"id": "PX003",
			"variable": name,
			"msg": sprintf("$%s is single-quoted, so PowerShell keeps '%s' literally instead of expanding it", [name, var.value]),
		},
		_double_quoted_fix(sprintf("$%s = ", [name]), var),
	)
}

deny contains r if {
	some name, var in input.variables
	some i, el in var.elements
	lib.unexpanded(el)
	not _secret(name, var)
	r := object.union(
		{
			"id": "PX003",
			"variable": name,
			"element": i,
			"msg": sprintf("element '%s' of $%s is single-quoted, so PowerShell does not expand it", [el.value, name]),
		},
		_double_quoted_fix("", el),
	)
}

# The model decides what is a secret (any *Password*/*Secret* name, or a
# value passed as one): it arrives as kind "secret", never as text.
_secret(_, var) if var.kind == "secret"

# A double-quoted rewrite is only mechanical for a one-line single-quoted
# string without characters that double quotes treat specially.
_double_quoted_fix(prefix, x) := {"fix": sprintf("%s\"%s\"", [prefix, x.value])} if {
	x.quote == "single"
	not regex.match("[\"`\n]", x.value)
} else := {}

# ---------------------------------------------------------------------------
# PX004 undefined-variable: reported once per variable, at its first use.
# A required variable the script never assigns is PX501's.

deny contains r if {
	some name in {ref.name | some ref in _undefined}
	first := min({ref.line | some ref in _undefined; ref.name == name})
	uses := count({ref.line | some ref in _undefined; ref.name == name})
	not lib.required_missing(name)
	r := {
		"id": "PX004",
		"line": first,
		"msg": sprintf("$%s is used on line %d %s, so it is $null there%s", [name, first, _where_assigned(name), _more_uses(uses)]),
		"fix": _undefined_fix(name, first),
	}
}

# A use in a condition (`if ($PxExtra) { ... }`) tests whether the variable
# is set, which is legitimate for an unset one.
_undefined contains ref if {
	some ref in input.references
	not ref.defined
	not ref.defined_elsewhere
	ref.context != "condition"
}

_where_assigned(name) := sprintf("before it is assigned (line %d)", [input.variables[name].assignments[0].line]) if {
	input.variables[name].assignments[0]
} else := "but never assigned"

_more_uses(1) := ""

_more_uses(n) := sprintf(" (and %s later)", [lib.plural(n - 1, "more use")]) if n > 1

_undefined_fix(name, first) := sprintf("move the assignment of $%s above line %d", [name, first]) if {
	input.variables[name].assignments[0]
} else := sprintf("rename it to $%s", [_suggest(name)]) if {
	_suggest(name)
} else := sprintf("assign $%s before line %d", [name, first])

# _suggest offers the known name that a misspelling most likely meant: one
# that extends or shortens it (`$PxNodeFqdn` → `$PxNodeFqdns`).
_suggest(name) := s if {
	cands := {n | some n in lib.catalog; _near(lower(n), lower(name))}
	count(cands) == 1
	some s in cands
}

_near(a, b) if {
	a != b
	startswith(a, b)
	count(a) - count(b) <= 2
}

_near(a, b) if {
	a != b
	startswith(b, a)
	count(b) - count(a) <= 2
}

# ---------------------------------------------------------------------------
# PX006 duplicate-assignment: two unconditional `=` assignments; the last wins.
# `+=` appends, and `$x = $x + ...` builds on the earlier value: neither is a duplicate.
# An assignment in a dot-sourced file is a shared default the includer may
# override (common.ps1 then weu.ps1): only this file's own assignments count.

deny contains r if {
	some name, var in input.variables
	count([a | some a in var.assignments; a.operator == "="; not a.conditional]) > 1 # cheap test first
	plain := [a | some a in var.assignments; a.operator == "="; not a.conditional; not _elsewhere(a); not _self_reference(name, a)]
	count(plain) > 1
	last := plain[count(plain) - 1]
	some i, a in plain
	i < count(plain) - 1
	r := {
		"id": "PX006",
		"line": a.line,
		"msg": sprintf("$%s is assigned here and again on line %d; the last assignment (line %d) wins%s", [name, plain[i + 1].line, last.line, _winner(name, var)]),
		"fix": sprintf("delete the assignment on line %d, or merge it into the one on line %d", [a.line, last.line]),
	}
}

_elsewhere(a) if {
	a.file
	a.file != input.file
}

_self_reference(name, a) if {
	some ref in _references_by_name[name]
	ref.line >= a.span.start_line
	ref.line <= a.span.end_line
	[ref.line, ref.column] != [a.line, a.column]
}

_references_by_name[name] contains ref if {
	some ref in input.references
	name := ref.name
}

_winner(name, var) := sprintf(", so the value deployed is \"%s\"", [var.value]) if {
	not _secret(name, var)
	is_string(var.value)
	count(var.value) <= 80
} else := ""

# ---------------------------------------------------------------------------
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
