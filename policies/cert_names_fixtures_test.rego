# METADATA
# title: shared fixtures for the tests of the rules split from policies/cert_names.rego
package pxlint.lib.cert_names_fixtures

import data.pxlint.lib.cert_fixtures as fx

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px303.deny | data.pxlint.rules.px309.deny

not_verified := data.pxlint.rules.px303.not_verified | data.pxlint.rules.px309.not_verified

_ids(id, inp) := {r | some r in deny with input as inp; r.id == id}

_nv(id, inp) := {r.reason | some r in not_verified with input as inp; r.id == id}

_fqdn(name) := object.union(fx.good, {"variables": object.union(fx.variables, {"PxTeamsConnFqdn": {"kind": "string", "value": name}})})

_nodes(value) := object.union(fx.good, {"variables": object.union(fx.variables, {"PxNodeFqdns": {"kind": "string", "value": value}})})
