# METADATA
# title: Certificate expired or not yet valid
# description: >-
#   The leaf certificate, or a certificate of the chain that was built from it
#   to a trusted root, is expired or not yet valid at pxlint's clock (`--now` or
#   SOURCE_DATE_EPOCH). An expired extra certificate in the file that the chain
#   does not use is not a finding. Applies to the Teams Connector certificate
#   and to every --node-cert.
# custom:
#   id: PX304
#   name: cert-expired
#   severity: error
#   prevents: >-
#     "Teams API request failed" Error="401": the certificate "may have expired"
#   remediation: >-
#     Renew the certificate and export the new one with its current chain:
#     `openssl x509 -in teams.crt -noout -enddate` shows the end date.
#   bad: |-
#     $PxPfxCertFileName = "teams-ecdsa.pfx"   # exported from a CNG key, no chain   # notAfter=2025-01-31
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # RSA 2048+, CryptoAPI CSP, full chain, public CA   # notAfter=2027-01-31
package pxlint.rules.px304

import data.pxlint.lib.cert
import data.pxlint.lib.family.cert_validity._day
import data.pxlint.lib.family.cert_validity._links
import data.pxlint.lib.family.cert_validity._what

deny contains r if {
	some [e, i, l] in _links
	cert.now_ns > time.parse_rfc3339_ns(l.not_after)
	r := object.union(cert.at(e), {
		"id": "PX304",
		"msg": sprintf("%s expired on %s", [_what(e, i), _day(l.not_after)]),
		"fix": "renew the certificate (and export the new chain) before deploying",
	})
}

deny contains r if {
	some [e, i, l] in _links
	cert.now_ns < time.parse_rfc3339_ns(l.not_before)
	r := object.union(cert.at(e), {
		"id": "PX304",
		"msg": sprintf("%s is not valid before %s", [_what(e, i), l.not_before]),
		"fix": "wait until the certificate is valid, or check the clock of the machine that issued it",
	})
}

not_verified contains {"id": "PX304", "reason": cert.nothing_read_reason} if cert.none_read

not_verified contains {"id": "PX304", "reason": "no clock: input.context.now is empty"} if {
	not cert.none_read
	not cert.now_ns
}
