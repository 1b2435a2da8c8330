# METADATA
# title: "Generic base name: the global bot name is likely taken"
# description: >-
#   Bot names are global in Azure and derived from `$PxBaseConnName` (per
#   profile: `<base>-Trusted-TeamsBot` and `<base>-Guest-TeamsBot`, or
#   `<base>-TeamsBot`). A generic base name (`pexip`, `teams`, `test`, `demo`,
#   `contoso`, `example`, `company`, ..., optionally followed by digits) is very
#   likely registered by another tenant already.
# custom:
#   id: PX208
#   name: bot-name-risk
#   severity: warning
#   prevents: "\"InvalidBotData - Bot is not valid - Id is already in use\""
#   remediation: Use a base name specific to your organisation.
#   bad: |-
#     $PxBaseConnName = "pexip"
#   good: |-
#     $PxBaseConnName = "fabrikam"
#   needs: [PxBaseConnName]
#   options:
#     generic_names:
#       kind: names
#       max_items: 1000
#       description: list of base names considered generic (replaces the built-in list)
package pxlint.rules.px208

import data.pxlint.lib
import data.pxlint.lib.family.names.base

# PX208 bot-name-risk: bot names are global in Azure.

# default_generic_names are in lower case, as _generic compares them.
default_generic_names := {"pexip", "teams", "test", "demo", "contoso", "example", "company", "sample", "acme", "corp", "lab", "video", "vtc", "poc", "teamsconn"}

# _generic are the generic names in lower case: a configured list replaces
# the built-in one and is lowered here; the built-in set is used as written
# rather than rebuilt for every script.
_generic := {lower(g) | some g in names} if {
	names := lib.strings_option("PX208", "generic_names", null)
	names != null
} else := default_generic_names

deny contains r if {
	lib.base_ok
	b := lib.str(base)
	# "test1" and "demo01" are as generic as "test" and "demo"
	regex.replace(lower(b), `[0-9]+$`, "") in _generic
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
