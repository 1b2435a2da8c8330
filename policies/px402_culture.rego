# METADATA
# title: Workstation culture is not en-US
# description: >-
#   The deployment needs the en-US culture. Error: the facts (or the local
#   probe) show another culture. Pass: they show en-US, or the script stops
#   unless the culture is en-US (`if ((Get-Culture).Name -ne 'en-US') { throw
#   ... }`). Otherwise not verified.
# custom:
#   id: PX402
#   name: culture
#   severity: error
#   prevents: "\"Failed to add 'Storage Account Key Operator Service Role'\""
#   remediation: >-
#     Run `Set-Culture -CultureInfo en-US`, then open a new PowerShell window;
#     add the guard to the script.
#   bad: |-
#     # facts.json: "culture": "de-DE", and no guard in the script
#   good: |-
#     if ((Get-Culture).Name -ne 'en-US') { throw 'Run Set-Culture -CultureInfo en-US first' }
package pxlint.rules.px402

# The deployment needs the en-US culture. Facts decide when they know the
# culture; otherwise a script guard that stops unless the culture is en-US
# makes the rule pass; otherwise it is not verified.

import data.pxlint.lib.prereq

_fix := "run Set-Culture -CultureInfo en-US, then open a new PowerShell window (or add the guard: if ((Get-Culture).Name -ne 'en-US') { throw 'Set-Culture -CultureInfo en-US first' })"

_facts_culture := c if {
	c := input.facts.culture
	is_string(c)
}

_culture_guards := [g | some g in input.guards; g.kind == "culture"]

deny contains r if {
	c := _facts_culture
	not prereq.ci(c, "en-US")
	r := {
		"id": "PX402", "source": prereq.facts_source,
		"msg": sprintf("the workstation culture is %s, not en-US: adding \"Storage Account Key Operator Service Role\" fails", [_culture_name(c)]),
		"fix": _fix,
	}
}

_culture_name("") := "the invariant culture"

_culture_name(c) := c if c != ""

# A guard that demands another culture stops every deployment that would work.
deny contains r if {
	not _facts_culture
	some g in _culture_guards
	not prereq.ci(g.value, "en-US")
	r := {
		"id": "PX402", "source": "script", "line": g.line,
		"msg": sprintf("the script's culture guard demands %s; the deployment needs en-US", [g.value]),
		"fix": "compare (Get-Culture).Name with 'en-US'",
	}
}

verified contains {"id": "PX402", "source": prereq.facts_source} if prereq.ci(_facts_culture, "en-US")

verified contains {"id": "PX402", "source": "script"} if {
	not _facts_culture
	some g in _culture_guards
	prereq.ci(g.value, "en-US")
	every h in _culture_guards {
		prereq.ci(h.value, "en-US")
	}
}

not_verified contains {"id": "PX402", "source": _nv_source, "reason": _nv_reason} if {
	not _facts_culture
	count(_culture_guards) == 0
}

_nv_source := prereq.facts_source if is_object(input.facts)

else := "script"

_nv_reason := "the local probe could not tell the culture (on Linux and macOS it reads LC_ALL, LC_MESSAGES or LANG); pass --facts from pxlint preflight, or guard the script with if ((Get-Culture).Name -ne 'en-US') { throw ... }" if input.facts.source == "probe"

else := "no workstation facts show the culture and the script does not check it; pass --facts from pxlint preflight, or guard the script with if ((Get-Culture).Name -ne 'en-US') { throw ... }"
