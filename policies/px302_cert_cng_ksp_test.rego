package pxlint.rules.px302_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_key_fixtures._ids
import data.pxlint.lib.cert_key_fixtures._nv

# PX302

test_px302_ksp_error if {
	inp := fx.with_teams({"providers": [{"bag": 0, "name": "Microsoft Software Key Storage Provider", "kind": "ksp"}]})
	some r in _ids("PX302", inp)
	r.severity == "error"
	contains(r.msg, "Microsoft Software Key Storage Provider")
	contains(r.msg, "certificate 'AB12'")
}

test_px302_csp_passes if count(_ids("PX302", fx.good)) == 0

test_px302_no_attribute_warning if {
	inp := fx.with_teams({"providers": [{"bag": 1, "name": "", "kind": "none"}]})
	some r in _ids("PX302", inp)
	r.severity == "warning"
	contains(r.msg, "Windows will choose the provider on import")
}

test_px302_every_key_bag_reported if {
	inp := fx.with_teams({"providers": [
		{"bag": 0, "name": "Microsoft Enhanced Cryptographic Provider v1.0", "kind": "csp"},
		{"bag": 1, "name": "Microsoft Software Key Storage Provider", "kind": "ksp"},
		{"bag": 2, "name": "", "kind": "none"},
	]})
	{r.severity | some r in _ids("PX302", inp)} == {"error", "warning"}
	count(_ids("PX302", inp)) == 2
}

test_px302_judged_when_locked if {
	inp := fx.with_teams({"status": "locked", "reason": "certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)", "leaf": null, "key": null, "providers": [{"bag": 0, "name": "Microsoft Software Key Storage Provider", "kind": "ksp"}]})
	count(_ids("PX302", inp)) == 1
	count(_ids("PX301", inp)) == 0
	_nv("PX301", inp) == {"certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)"}
}

test_px302_unreadable_not_verified if {
	inp := fx.with_teams({"status": "unreadable", "reason": "corrupt", "providers": [], "leaf": null})
	count(_nv("PX302", inp)) == 1
}

test_px302_locked_without_visible_key_bag_not_verified if {
	inp := fx.with_teams({"status": "locked", "reason": "certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)", "leaf": null, "key": null, "providers": []})
	_nv("PX302", inp) == {"certificate bag is encrypted and no password was given (set PXLINT_PFX_PASSWORD)"}
}

test_px302_read_without_key_bag_not_verified if {
	some reason in _nv("PX302", fx.with_teams({"providers": []}))
	contains(reason, "holds no private key bag")
}

# Without any Teams Connector certificate the provider cannot be judged.
test_px302_unknown_file_name_not_verified if {
	inp := object.union(fx.input_with(null, []), {"variables": {"PxPfxCertFileName": {"kind": "unknown", "reason": "Read-Host needs user input"}}})
	some reason in _nv("PX302", inp)
	contains(reason, "cannot be evaluated statically")
}
