# METADATA
# title: shared fixtures for the tests of the rules split from policies/prereq_culture.rego
package pxlint.lib.prereq_culture_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px402.deny

not_verified := data.pxlint.rules.px402.not_verified

verified := data.pxlint.rules.px402.verified

guard(v) := {"kind": "culture", "value": v, "line": 12}

inp(culture, guards) := {"facts": {"source": "facts", "culture": culture}, "guards": guards} if culture != null

else := {"facts": null, "guards": guards}
