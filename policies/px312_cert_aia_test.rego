package pxlint.rules.px312_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_chain_fixtures._ids
import data.pxlint.lib.cert_chain_fixtures._nv

test_px312_offline_not_verified_with_urls if {
	inp := fx.with_teams({"aia": {"checked": false, "urls": ["http://ca.example.com/issuing.crt"], "redirects": []}})
	_nv("PX312", inp) == {"offline: AIA URLs http://ca.example.com/issuing.crt not fetched (use --online)"}
	count(_ids("PX312", inp)) == 0
}

test_px312_redirect_to_https_fails if {
	inp := fx.with_teams({"aia": {"checked": true, "urls": ["http://ca.example.com/i.crt"], "redirects": [{"url": "http://ca.example.com/i.crt", "location": "https://ca.example.com/i.crt", "status": 301, "to_https": true}]}})
	some r in _ids("PX312", inp)
	contains(r.msg, "https://ca.example.com/i.crt")
	count(_nv("PX312", inp)) == 0
}

test_px312_online_without_redirect_passes if {
	inp := fx.with_teams({"aia": {"checked": true, "urls": ["http://ca.example.com/i.crt"], "redirects": []}})
	count(_ids("PX312", inp)) == 0
	count(_nv("PX312", inp)) == 0
}

test_px312_redirect_to_http_passes if {
	inp := fx.with_teams({"aia": {"checked": true, "urls": ["http://a/i.crt"], "redirects": [{"url": "http://a/i.crt", "location": "http://b/i.crt", "status": 302, "to_https": false}]}})
	count(_ids("PX312", inp)) == 0
}
