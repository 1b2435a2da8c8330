package pxlint.rules.prereq_culture_test

import data.pxlint.lib.prereq_culture_fixtures as prereq_culture
import data.pxlint.lib.prereq_culture_fixtures.guard
import data.pxlint.lib.prereq_culture_fixtures.inp

test_facts_other_culture_errors_file_level if {
	ds := prereq_culture.deny with input as inp("de-DE", [])
	count(ds) == 1
	some r in ds
	r.source == "facts"
	not r.line
	contains(r.msg, "culture is de-DE, not en-US")
	startswith(r.fix, "run Set-Culture -CultureInfo en-US")
	count(prereq_culture.verified) == 0 with input as inp("de-DE", [])
}

test_invariant_culture_errors if {
	some r in prereq_culture.deny with input as inp("", [])
	contains(r.msg, "the invariant culture")
}

test_script_guard_for_other_culture_errors if {
	some r in prereq_culture.deny with input as inp(null, [guard("fr-FR")])
	r.line == 12
	r.source == "script"
}

test_facts_disagreeing_with_guard_errors if {
	# The guard would stop the run: the workstation still needs fixing.
	ds := prereq_culture.deny with input as inp("nb-NO", [guard("en-US")])
	count(ds) == 1
	some r in ds
	r.source == "facts"
	count(prereq_culture.verified) == 0 with input as inp("nb-NO", [guard("en-US")])
}

test_probe_without_locale_is_not_verified if {
	some nv in prereq_culture.not_verified with input as {"facts": {"source": "probe", "modules": []}, "guards": []}
	nv.source == "probe"
	contains(nv.reason, "LANG")
}
