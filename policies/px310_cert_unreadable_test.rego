package pxlint.rules.px310_test

import data.pxlint.lib.cert_file_fixtures as cert_file
import data.pxlint.lib.cert_fixtures as fx

test_px310_unreadable_teams if {
	inp := fx.with_teams({"status": "unreadable", "reason": "wrong password: the MAC does not verify", "leaf": null, "key": null})
	some r in cert_file.deny with input as inp
	r.id == "PX310"
	r.variable == "PxPfxCertFileName"
	r.cert == "teams.pfx"
	contains(r.fix, "PXLINT_PFX_PASSWORD")
	not r.fingerprint
}

test_px310_unreadable_node if {
	node := object.union(fx.node_facts, {"status": "unreadable", "reason": "not a PFX, PEM or DER certificate", "leaf": null})
	some r in cert_file.deny with input as fx.input_with(fx.facts, [node])
	contains(r.msg, "Conferencing Node certificate node.pem")
}

test_px310_absent_is_not_a_finding if {
	inp := fx.input_with(object.union(fx.facts, {"status": "absent", "reason": "certificate file teams.pfx not found", "leaf": null}), [])
	count(cert_file.deny) == 0 with input as inp
	{r.reason | some r in cert_file.not_verified with input as inp} == {"certificate file teams.pfx not found"}
}

test_good_passes if {
	count(cert_file.deny) == 0 with input as fx.good
	count(cert_file.not_verified) == 0 with input as fx.good
}
