# METADATA
# title: shared fixtures for the tests of the rules split from policies/cert_key.rego
package pxlint.lib.cert_key_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px301.deny | data.pxlint.rules.px302.deny | data.pxlint.rules.px308.deny | data.pxlint.rules.px311.deny

not_verified := data.pxlint.rules.px301.not_verified | data.pxlint.rules.px302.not_verified | data.pxlint.rules.px308.not_verified | data.pxlint.rules.px311.not_verified

_ids(id, inp) := {r | some r in deny with input as inp; r.id == id}

_nv(id, inp) := {r.reason | some r in not_verified with input as inp; r.id == id}
