package pxlint.rules.cert_chain_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.rules.cert_chain

_ids(id, inp) := {r | some r in cert_chain.deny with input as inp; r.id == id}

_nv(id, inp) := {r.reason | some r in cert_chain.not_verified with input as inp; r.id == id}

_broken(problem) := fx.with_teams({"chain": {"built": false, "problem": problem, "reason": "because", "path": []}})

test_good_passes if {
	count(cert_chain.deny) == 0 with input as fx.good
	count(cert_chain.not_verified) == 0 with input as fx.good
}

test_px306_missing_intermediate if {
	some r in _ids("PX306", _broken("missing_intermediate"))
	r.variable == "PxPfxCertFileName"
	count(_ids("PX307", _broken("missing_intermediate"))) == 0
}

test_px306_built_passes if count(_ids("PX306", fx.good)) == 0

test_px307_self_signed if {
	count(_ids("PX307", _broken("self_signed"))) == 1
	count(_ids("PX306", _broken("self_signed"))) == 0
}

test_px307_untrusted_root if count(_ids("PX307", _broken("untrusted_root"))) == 1

test_px307_built_passes if count(_ids("PX307", fx.good)) == 0

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

test_weak_signature_chain_is_px308s if {
	count(_ids("PX306", _broken("weak_signature"))) == 0
	count(_ids("PX307", _broken("weak_signature"))) == 0
}
