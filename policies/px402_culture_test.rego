package pxlint.rules.px402_test

import data.pxlint.lib.prereq_culture_fixtures as prereq_culture
import data.pxlint.lib.prereq_culture_fixtures.guard
import data.pxlint.lib.prereq_culture_fixtures.inp

test_facts_en_us_passes if {
	count(prereq_culture.deny) == 0 with input as inp("en-US", [])
	prereq_culture.verified == {{"id": "PX402", "source": "facts"}} with input as inp("en-US", [])
	count(prereq_culture.not_verified) == 0 with input as inp("en-US", [])
}

test_facts_case_insensitive if {
	prereq_culture.verified == {{"id": "PX402", "source": "facts"}} with input as inp("en-us", [])
}

test_script_guard_passes_without_facts if {
	count(prereq_culture.deny) == 0 with input as inp(null, [guard("en-US")])
	prereq_culture.verified == {{"id": "PX402", "source": "script"}} with input as inp(null, [guard("en-US")])
}

test_nothing_known_is_not_verified if {
	count(prereq_culture.deny) == 0 with input as inp(null, [])
	count(prereq_culture.verified) == 0 with input as inp(null, [])
	some nv in prereq_culture.not_verified with input as inp(null, [])
	nv.id == "PX402"
	nv.source == "script"
	contains(nv.reason, "pxlint preflight")
}

test_probe_with_locale_reports_probe if {
	prereq_culture.verified == {{"id": "PX402", "source": "probe"}} with input as {"facts": {"source": "probe", "culture": "en-US"}, "guards": []}
}

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
