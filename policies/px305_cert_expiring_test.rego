package pxlint.rules.px305_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_validity_fixtures._at
import data.pxlint.lib.cert_validity_fixtures._ids

# PX305

test_px305_expiring_within_30_days if {
	rs := _ids("PX305", _at(fx.good, "2026-12-15T00:00:00Z"))
	count(rs) == 2
	some r in rs
	contains(r.msg, "in 17 days")
}

test_px305_31_days_passes if count(_ids("PX305", _at(fx.good, "2026-12-01T00:00:00Z"))) == 0

test_px305_days_option if {
	inp := object.union(_at(fx.good, "2026-12-01T00:00:00Z"), {"config": {"expiry_days": 30, "rules": {"PX305": {"days": 60}}}})
	count(_ids("PX305", inp)) == 2
}

test_px305_expiry_days_flag if {
	inp := object.union(_at(fx.good, "2026-12-01T00:00:00Z"), {"config": {"expiry_days": 45, "rules": {}}})
	count(_ids("PX305", inp)) == 2
}

test_px305_expired_is_px304_only if count(_ids("PX305", _at(fx.good, "2027-02-01T00:00:00Z"))) == 0
