# METADATA
# title: shared fixtures for the tests of the rules split from policies/px0xx_script.rego
package pxlint.lib.script_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px002.deny | data.pxlint.rules.px003.deny | data.pxlint.rules.px004.deny | data.pxlint.rules.px006.deny | data.pxlint.rules.px009.deny

ids(findings) := {f.id | some f in findings}

only(id, findings) := {f | some f in findings; f.id == id}
