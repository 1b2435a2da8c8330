package pxlint.rules.px303_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_names_fixtures._fqdn
import data.pxlint.lib.cert_names_fixtures._ids
import data.pxlint.lib.cert_names_fixtures._nv

# PX303

test_px303_mismatch_points_at_fqdn if {
	some r in _ids("PX303", _fqdn("teams.other.com"))
	r.variable == "PxTeamsConnFqdn"
	r.cert == "teams.pfx"
	r.fingerprint == "aa11"
	contains(r.msg, "teams.other.com")
}

test_px303_wildcard_passes if {
	inp := object.union(fx.with_leaf({"dns_names": ["*.example.com"]}), {"variables": fx.variables})
	count(_ids("PX303", inp)) == 0
}

test_px303_wildcard_two_labels_fails if {
	inp := object.union(fx.with_leaf({"dns_names": ["*.example.com"]}), {"variables": object.union(fx.variables, {"PxTeamsConnFqdn": {"kind": "string", "value": "a.teams.example.com"}})})
	count(_ids("PX303", inp)) == 1
}

test_px303_cn_only_notes_cn if {
	inp := fx.with_leaf({"dns_names": []})
	some r in _ids("PX303", inp)
	contains(r.msg, "only in the subject CN")
}

test_px303_locked_not_verified if {
	inp := fx.with_teams({"status": "locked", "reason": "certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)", "leaf": null})
	_nv("PX303", inp) == {"certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)"}
	count(_ids("PX303", inp)) == 0
}

test_px303_unknown_fqdn_not_verified if {
	inp := object.union(fx.good, {"variables": object.union(fx.variables, {"PxTeamsConnFqdn": {"kind": "unknown", "reason": "Read-Host"}})})
	count(_nv("PX303", inp)) == 1
}
