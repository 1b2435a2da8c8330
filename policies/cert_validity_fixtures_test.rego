# METADATA
# title: shared fixtures for the tests of the rules split from policies/cert_validity.rego
package pxlint.lib.cert_validity_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px304.deny | data.pxlint.rules.px305.deny

not_verified := data.pxlint.rules.px304.not_verified | data.pxlint.rules.px305.not_verified

_ids(id, inp) := {r | some r in deny with input as inp; r.id == id}

_at(inp, now) := object.union(inp, {"context": {"now": now}})
