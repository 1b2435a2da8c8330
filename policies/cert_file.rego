# METADATA
# title: certificate files that cannot be read
# description: |
#   PX310: a certificate file that exists but is corrupt, not a PFX/PEM/DER
#   certificate, or behind a wrong password. An absent $PxPfxCertFileName
#   file is not a finding: the certificate rules are not_verified.
# custom:
#   id: [PX310]
package pxlint.rules.cert_file

import data.pxlint.lib.cert

deny contains r if {
	some e in cert.files
	e.facts.status == "unreadable"
	r := object.union(cert.at(e), {
		"id": "PX310",
		"msg": sprintf("the %s cannot be read: %s", [cert.label(e), e.facts.reason]),
		"fix": _fix(e),
	})
}

_fix(e) := "check the password in PXLINT_PFX_PASSWORD (or --cert-password-file)" if {
	e.role == "teams"
	contains(e.facts.reason, "wrong password")
} else := "check the password in PXLINT_NODE_PFX_PASSWORD (or --node-cert-password-file)" if {
	contains(e.facts.reason, "wrong password")
} else := "export the certificate again as a PFX with its private key and chain (Export-PfxCertificate, or openssl pkcs12 -export)" if {
	e.role == "teams"
} else := "give the node certificate as PEM, DER or PFX"

not_verified contains {"id": "PX310", "reason": cert.nothing_read_reason} if {
	count(cert.readable) == 0
	not _any_unreadable
}

_any_unreadable if {
	some e in cert.files
	e.facts.status == "unreadable"
}
