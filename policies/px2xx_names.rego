# METADATA
# title: names and Azure resources
# description: |
#   PX201 (upper case; length and character set are CUE's), PX203, PX204,
#   PX205 and PX208. A missing or empty name is PX501's and a name broken in
#   shape is PX201's or PX202's: derived-name rules skip both.
# custom:
#   id: [PX201, PX203, PX204, PX205, PX208]
package pxlint.rules.names

import data.pxlint.lib
import data.pxlint.lib.derived

base := "PxBaseConnName"

region := "PxVmssRegion"

rg := "PxTeamsConnResourceGroupName"

static_rg := "PxTeamsConnStaticResourceGroupName"

_related(name, message) := [{"file": input.file, "line": input.variables[name].line, "message": message}] if {
	input.variables[name].line
} else := []

# ---------------------------------------------------------------------------
# PX201 base-name, warning part: upper case.

deny contains r if {
	lib.base_ok
	v := lib.str(base)
	v != lower(v)
	r := {
		"id": "PX201",
		"severity": "warning",
		"variable": base,
		"msg": sprintf("$%s \"%s\" has upper-case letters; the template allows a-z0-9 only, and the storage account names derived from it must be lower case", [base, v]),
		"fix": sprintf("$%s = \"%s\"", [base, lower(v)]),
	}
}

# ---------------------------------------------------------------------------
# PX203 combined-name-length

deny contains r if {
	lib.base_ok
	lib.region_ok
	b := lib.str(base)
	g := lib.str(region)
	n := count(b) + count(g)
	not _between(n, 3, 14)
	r := {
		"id": "PX203",
		"variable": base,
		"msg": sprintf("$%s + $%s is \"%s%s\", %d characters; together they must be 3 to 14 characters (the VMSS name, and the Windows computer names derived from it)", [base, region, b, g, n]),
		"fix": _length_fix(n),
		"related": _related(region, sprintf("$%s is \"%s\"", [region, g])),
	}
}

_between(n, lo, hi) if {
	n >= lo
	n <= hi
}

_length_fix(n) := sprintf("shorten $%s or $%s by %s", [base, region, lib.plural(n - 14, "character")]) if n > 14

_length_fix(n) := sprintf("lengthen $%s or $%s by %s", [base, region, lib.plural(3 - n, "character")]) if n < 3

# ---------------------------------------------------------------------------
# PX204 resource-group-name: 1-90 characters of letters, digits, _ - . ( ),
# not ending in a period.

deny contains r if {
	some name in {rg, static_rg}
	v := lib.str(name)
	not contains(v, "$") # a literal "$(" is PX003's
	not _base_broken_in(v)
	some problem in _rg_problems(v)
	r := object.union(
		{
			"id": "PX204",
			"variable": name,
			"msg": sprintf("$%s \"%s\" is not a valid resource-group name: %s", [name, v, problem]),
		},
		_rg_fix(name, v),
	)
}

_rg_problems(v) := (({x | x := _p_long(v)} | {x | x := _p_chars(v)}) | {x | x := _p_period(v)})

_p_long(v) := sprintf("it is %d characters, at most 90 are allowed", [count(v)]) if count(v) > 90

_p_chars(v) := sprintf("it contains %s; only letters, digits and _ - . ( ) are allowed", [concat(" ", [sprintf("\"%s\"", [c]) | some c in _bad_chars(v)])]) if {
	count(_bad_chars(v)) > 0
}

_p_period(v) := "it ends in a period" if endswith(v, ".")

_bad_chars(v) := sort({c | some c in regex.find_n(`[^\p{L}\p{N}_\-.()]`, v, -1)})

_rg_fix(name, v) := {"fix": sprintf("$%s = \"%s\"", [name, trim_right(v, ".")])} if {
	endswith(v, ".")
	count(_bad_chars(v)) == 0
	count(v) <= 90
} else := {}

# A base name PX201 rejects breaks every name built from it: PX201 owns that.
_base_broken_in(v) if {
	b := lib.str(base)
	not lib.base_ok
	contains(v, b)
}

# ---------------------------------------------------------------------------
# PX205 resource-group-collision (Azure compares resource-group names
# case-insensitively).

deny contains r if {
	v := lib.str(rg)
	s := lib.str(static_rg)
	lower(v) == lower(s)
	r := {
		"id": "PX205",
		"variable": static_rg,
		"msg": sprintf("$%s and $%s are both \"%s\": the static resource group (public IP, key vault) must be separate from the VMSS resource group, which is deleted on redeployment", [static_rg, rg, s]),
		"fix": sprintf("$%s = %s", [static_rg, derived.source("static_resource_group")]),
		"related": _related(rg, sprintf("$%s is \"%s\"", [rg, v])),
	}
}

deny contains r if {
	bot_rg := derived.names.bot_resource_group
	some name in {rg, static_rg}
	v := lib.str(name)
	lower(v) == lower(bot_rg)
	r := {
		"id": "PX205",
		"variable": name,
		"msg": sprintf("$%s is \"%s\", the resource group the bot channel registration is created in", [name, v]),
		"fix": _standard_rg_fix(name),
	}
}

_standard_rg_fix(name) := sprintf("$%s = %s", [name, derived.source("vmss_resource_group")]) if name == rg

_standard_rg_fix(name) := sprintf("$%s = %s", [name, derived.source("static_resource_group")]) if name == static_rg

# ---------------------------------------------------------------------------
# PX208 bot-name-risk: bot names are global in Azure.

default_generic_names := ["pexip", "teams", "test", "demo", "contoso", "example", "company", "sample", "acme", "corp", "lab", "video", "vtc", "poc", "teamsconn"]

deny contains r if {
	lib.base_ok
	b := lib.str(base)
	# "test1" and "demo01" are as generic as "test" and "demo"
	regex.replace(lower(b), `[0-9]+$`, "") in {lower(g) | some g in lib.strings_option("PX208", "generic_names", default_generic_names)}
	r := {
		"id": "PX208",
		"variable": base,
		"msg": sprintf("$%s \"%s\" is a generic name: the bot %s derived from it %s global in Azure and very likely taken already", [base, b, _bot_names(b), _verb]),
		"fix": sprintf("$%s = \"<a name specific to your organisation, at most 9 characters>\"", [base]),
	}
}

# The bot-name patterns are profile data (schemas/profiles.cue), copied into
# input.profile_data by the engine: one source for CUE and Rego.
_bots(b) := [replace(p, "{base}", b) | some p in input.profile_data.bot_names]

_bot_names(b) := sprintf("names %s", [concat(" and ", _bots(b))]) if count(_bots(b)) > 1

_bot_names(b) := sprintf("name %s", [_bots(b)[0]]) if count(_bots(b)) == 1

_verb := "are" if count(input.profile_data.bot_names) > 1

_verb := "is" if input.profile != "azurerm"
