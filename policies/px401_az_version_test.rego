package pxlint.rules.px401_test

import data.pxlint.lib.prereq_az_fixtures as prereq_az
import data.pxlint.lib.prereq_az_fixtures.base
import data.pxlint.lib.prereq_az_fixtures.facts
import data.pxlint.lib.prereq_az_fixtures.import_cmd
import data.pxlint.lib.prereq_az_fixtures.install_cmd
import data.pxlint.lib.prereq_az_fixtures.one_deny
import data.pxlint.lib.prereq_az_fixtures.param
import data.pxlint.lib.prereq_az_fixtures.requires_exact
import data.pxlint.lib.prereq_az_fixtures.verified_from
import data.pxlint.lib.prereq_az_fixtures.with_script

# --- script only ------------------------------------------------------------

test_script_pins_required_version_passes_from_script if {
	verified_from(with_script([requires_exact("4.5.0")], [])) == "script"
}

test_script_pin_via_import_module_passes if {
	verified_from(with_script([], [import_cmd([param("RequiredVersion", "4.5.0")])])) == "script"
}

test_script_pins_other_version_is_error if {
	r := one_deny(with_script([requires_exact("4.6.1")], []))
	r.line == 1
	r.source == "script"
	not r.severity
	contains(r.msg, "pins Az 4.6.1; this release needs Az 4.5.0")
	contains(r.msg, "JToken")
}

test_install_other_version_is_error if {
	r := one_deny(with_script([], [install_cmd([param("RequiredVersion", "5.0.0")])]))
	r.line == 4
	contains(r.msg, "Install-Module pins Az 5.0.0")
}

test_configured_version_is_the_requirement if {
	inp := object.union(with_script([requires_exact("4.5.0")], []), {"config": {"az_version": "4.4.0"}})
	r := one_deny(inp)
	contains(r.msg, "this release needs Az 4.4.0")
}

test_minimum_version_admitting_4_6_is_error if {
	r := one_deny(with_script([], [import_cmd([param("MinimumVersion", "4.0.0")])]))
	r.line == 5
	contains(r.msg, "Import-Module Az MinimumVersion 4.0.0 admits Az 4.6.0, 4.6.1,")
	r.fix == `pin the version instead: #Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }`
}

test_requires_module_version_admitting_4_6_is_error if {
	r := one_deny(with_script([{"name": "az", "version": "4.5.0", "line": 2}], []))
	r.line == 2
	contains(r.msg, "#Requires -Modules Az MinimumVersion 4.5.0 admits")
}

test_maximum_below_4_6_is_not_an_error_but_unpinned if {
	r := one_deny(with_script([], [import_cmd([param("MaximumVersion", "4.5.9")])]))
	r.severity == "warning"
}

test_az_resources_pin_to_broken_version if {
	r := one_deny(with_script([{"name": "Az.Resources", "required_version": "2.5.0", "line": 3}], []))
	r.line == 3
	contains(r.msg, "Az.Resources 2.5.0")
}

test_nothing_pins_and_no_facts_warns_file_level if {
	r := one_deny(base)
	r.severity == "warning"
	r.source == "script"
	not r.line
	r.fix == `add #Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }`
}

test_unpinned_install_warns_at_its_line if {
	r := one_deny(with_script([], [install_cmd([param("RequiredVersion", "4.5.0")])]))
	r.severity == "warning"
	r.line == 4
}

test_azurerm_profile_not_verified if {
	inp := object.union(with_script([requires_exact("4.6.1")], []), {"profile": "azurerm"})
	count(prereq_az.deny) == 0 with input as inp
	some nv in prereq_az.not_verified with input as inp
	contains(nv.reason, "az profile only")
}

test_numeric_version_argument if {
	r := one_deny(with_script([], [import_cmd([param("RequiredVersion", 4.6)])]))
	contains(r.msg, "pins Az 4.6;")
}

test_numeric_version_keeps_source_text if {
	p := {"name": "MinimumVersion", "value": {"value": 4, "text": "4.0"}}
	r := one_deny(with_script([], [import_cmd([p])]))
	contains(r.msg, "MinimumVersion 4.0 admits")
}

test_module_name_in_name_parameter_array if {
	cmd := {"name": "install-module", "line": 7, "parameters": [param("Name", ["AzureAD", "Az"]), param("RequiredVersion", "4.6.0")], "positional": []}
	r := one_deny(with_script([], [cmd]))
	r.line == 7
}

test_other_modules_ignored if {
	cmd := {"name": "Import-Module", "line": 7, "parameters": [param("RequiredVersion", "2.0.0")], "positional": [{"value": "AzureAD"}]}
	verified_from(with_script([requires_exact("4.5.0")], [cmd])) == "script"
}

# --- facts only -------------------------------------------------------------

test_facts_newest_is_required_passes if {
	verified_from(object.union(base, {"facts": facts([["Az", "4.5.0"], ["Az", "4.2.0"], ["Az.Resources", "2.4.0"]])})) == "facts"
}

test_probe_source_is_reported if {
	inp := object.union(base, {"facts": object.union(facts([["Az", "4.5.0"]]), {"source": "probe"})})
	verified_from(inp) == "probe"
}

test_facts_newest_is_broken_errors if {
	r := one_deny(object.union(base, {"facts": facts([["Az", "4.5.0"], ["Az", "4.6.1"]])}))
	r.severity == "error"
	r.source == "facts"
	not r.line
	contains(r.msg, "newest installed, Az 4.6.1")
}

test_facts_newest_az_resources_broken_errors if {
	r := one_deny(object.union(base, {"facts": facts([["Az", "4.5.0"], ["Az.Resources", "2.4.0"], ["Az.Resources", "2.5.0"]])}))
	contains(r.msg, "newest installed Az.Resources, 2.5.0")
}

test_facts_newer_fixed_version_warns if {
	r := one_deny(object.union(base, {"facts": facts([["Az", "4.5.0"], ["Az", "9.7.1"]])}))
	r.severity == "warning"
	contains(r.msg, "Az 9.7.1, not the Az 4.5.0")
}

test_facts_nothing_installed_errors if {
	r := one_deny(object.union(base, {"facts": facts([])}))
	r.severity == "error"
	contains(r.msg, "no Az module installed")
}

test_facts_modules_unknown_is_like_no_facts if {
	r := one_deny(object.union(base, {"facts": {"source": "probe", "modules": null}}))
	r.severity == "warning"
	r.source == "script"
}

# --- both, agreeing and disagreeing --------------------------------------------

test_pinned_and_installed_passes_from_facts if {
	inp := object.union(with_script([requires_exact("4.5.0")], []), {"facts": facts([["Az", "4.5.0"], ["Az", "4.6.1"]])})
	verified_from(inp) == "facts"
}

test_pinned_but_not_installed_errors if {
	inp := object.union(with_script([requires_exact("4.5.0")], []), {"facts": facts([["Az", "4.6.1"]])})
	r := one_deny(inp)
	r.line == 1
	r.source == "facts"
	contains(r.msg, "pins Az 4.5.0, but the workstation has Az 4.6.1 installed")
	startswith(r.fix, "Install-Module -Name Az -RequiredVersion 4.5.0")
}

test_pinned_and_installed_by_script_passes if {
	inp := object.union(
		with_script([requires_exact("4.5.0")], [install_cmd([param("RequiredVersion", "4.5.0")])]),
		{"facts": facts([["Az", "4.6.1"]])},
	)
	verified_from(inp) == "facts"
}

test_range_excluding_broken_with_facts_picks_newest_in_range if {
	inp := object.union(with_script([], [import_cmd([param("MaximumVersion", "4.5.9")])]), {"facts": facts([["Az", "4.5.0"], ["Az", "4.6.1"]])})
	verified_from(inp) == "facts"
}

test_range_excluding_everything_installed_errors if {
	inp := object.union(with_script([], [import_cmd([param("MaximumVersion", "4.4.0")])]), {"facts": facts([["Az", "4.5.0"]])})
	r := one_deny(inp)
	r.line == 5
	contains(r.msg, "no installed Az satisfies")
}

test_import_az_loads_pinned_resources_so_newest_resources_is_not_judged if {
	inp := object.union(with_script([], [import_cmd([])]), {"facts": facts([["Az", "4.5.0"], ["Az.Resources", "2.5.0"]])})
	verified_from(inp) == "facts"
}

test_script_error_wins_over_facts if {
	inp := object.union(with_script([requires_exact("4.6.0")], []), {"facts": facts([["Az", "4.6.0"]])})
	r := one_deny(inp)
	r.source == "script"
}

# Thousands of installed versions: the message names five and counts the rest.
test_pinned_but_not_installed_many_versions if {
	mods := [["Az", sprintf("5.%d.0", [i])] | some i in numbers.range(10, 2009)]
	inp := object.union(with_script([requires_exact("4.5.0")], []), {"facts": facts(mods)})
	r := one_deny(inp)
	contains(r.msg, "the workstation has Az 5.10.0, 5.100.0, 5.1000.0, 5.1001.0, 5.1002.0 and 1995 more installed")
}
