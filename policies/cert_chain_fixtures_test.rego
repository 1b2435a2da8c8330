# METADATA
# title: shared fixtures for the tests of the rules split from policies/cert_chain.rego
package pxlint.lib.cert_chain_fixtures

import data.pxlint.lib.cert_fixtures as fx

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px306.deny | data.pxlint.rules.px307.deny | data.pxlint.rules.px312.deny

not_verified := data.pxlint.rules.px306.not_verified | data.pxlint.rules.px307.not_verified | data.pxlint.rules.px312.not_verified

_ids(id, inp) := {r | some r in deny with input as inp; r.id == id}

_nv(id, inp) := {r.reason | some r in not_verified with input as inp; r.id == id}

_broken(problem) := fx.with_teams({"chain": {"built": false, "problem": problem, "reason": "because", "path": []}})
