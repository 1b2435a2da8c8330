package pxlint.rules.px716_test

import data.pxlint.lib.infinity_fixtures.ca
import data.pxlint.lib.infinity_fixtures.clean
import data.pxlint.lib.infinity_fixtures.ids

test_px716_http_aia_offline if {
	some f in ids("PX716", object.union(clean, {"ca_certificates": [ca]}))
	contains(f.msg, "run with --online")
}

test_px716_online if {
	count(ids("PX716", object.union(clean, {"ca_certificates": [object.union(ca, {"checked": true})]}))) == 0
	bad := object.union(ca, {"checked": true, "https_redirects": ["http://pki.example.org/ca.crt"]})
	some f in ids("PX716", object.union(clean, {"ca_certificates": [bad]}))
	contains(f.msg, "redirects to https")
}
