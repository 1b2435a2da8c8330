package pxlint.rules.px304_test

import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_validity_fixtures as cert_validity
import data.pxlint.lib.cert_validity_fixtures._at
import data.pxlint.lib.cert_validity_fixtures._ids

# PX304: boundaries (valid through not_after inclusive)

test_px304_expired_after_not_after if {
	rs := _ids("PX304", _at(fx.good, "2027-01-01T00:00:01Z"))
	count(rs) == 2 # the teams leaf and the node leaf
	some r in rs
	contains(r.msg, "expired on 2027-01-01")
}

test_px304_valid_at_not_after if count(_ids("PX304", _at(fx.good, "2027-01-01T00:00:00Z"))) == 0

test_px304_not_yet_valid if {
	some r in _ids("PX304", _at(fx.good, "2025-12-31T23:59:59Z"))
	contains(r.msg, "not valid before")
}

test_px304_expired_intermediate_in_chain if {
	ch := json.patch(fx.chain, [{"op": "replace", "path": "/path/1/not_after", "value": "2026-05-01T00:00:00Z"}])
	rs := _ids("PX304", fx.with_teams({"chain": ch}))
	count(rs) == 1
	some r in rs
	contains(r.msg, "CN=Example Issuing CA")
}

test_px304_spare_cert_not_in_chain_ignored if {
	spare := {"subject": "CN=Old CA", "issuer": "CN=Old CA", "not_before": "2000-01-01T00:00:00Z", "not_after": "2001-01-01T00:00:00Z", "fingerprint": "ee55", "self_signed": true, "is_ca": true, "aia_issuers": []}
	count(_ids("PX304", fx.with_teams({"chain_in_file": [spare]}))) == 0
}

test_px304_nothing_read_not_verified if {
	inp := fx.input_with(object.union(fx.facts, {"status": "absent", "reason": "certificate file teams.pfx not found"}), [])
	{r.reason | some r in cert_validity.not_verified with input as inp; r.id == "PX304"} == {"certificate file teams.pfx not found"}
}
