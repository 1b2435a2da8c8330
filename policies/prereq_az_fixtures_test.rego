# METADATA
# title: shared fixtures for the tests of the rules split from policies/prereq_az.rego
package pxlint.lib.prereq_az_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px401.deny

not_verified := data.pxlint.rules.px401.not_verified

verified := data.pxlint.rules.px401.verified

# --- inputs ---------------------------------------------------------------

base := {"profile": "az", "requires": [], "commands": [], "facts": null, "config": {}}

requires_exact(v) := {"name": "Az", "required_version": v, "line": 1}

import_cmd(params) := {"name": "Import-Module", "line": 5, "parameters": params, "positional": [{"value": "Az"}]}

install_cmd(params) := {"name": "Install-Module", "line": 4, "parameters": array.concat([{"name": "Name", "value": {"value": "Az"}}], params), "positional": []}

param(name, v) := {"name": name, "value": {"value": v}}

facts(mods) := {"source": "facts", "modules": [{"name": n, "version": v} | some pair in mods; [n, v] := pair]}

with_script(requires, commands) := object.union(base, {"requires": requires, "commands": commands})

only(set, id) := [r | some r in set; r.id == id]

one_deny(inp) := r if {
	ds := deny with input as inp
	count(ds) == 1
	some r in ds
}

verified_from(inp) := s if {
	count(deny) == 0 with input as inp
	vs := verified with input as inp
	count(vs) == 1
	some v in vs
	v.id == "PX401"
	s := v.source
}
