# METADATA
# title: Certificate expires soon
# description: >-
#   A certificate of the built chain (the leaf included) expires within 30 days
#   (`--expiry-days`, or the rule option `days`).
# custom:
#   id: PX305
#   name: cert-expiring
#   severity: warning
#   prevents: "an outage next month, when the certificate expires: Error=\"401\""
#   remediation: >-
#     Renew the certificate now and redeploy it (Pexip's certificate update
#     procedure for the Teams Connector).
#   bad: |-
#     $PxPfxCertFileName = "teams-ecdsa.pfx"   # exported from a CNG key, no chain   # notAfter in 12 days
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # RSA 2048+, CryptoAPI CSP, full chain, public CA   # notAfter in 300 days
#   options:
#     days:
#       kind: integer
#       min: 1
#       max: 3650
#       description: >-
#         warn when a certificate expires within this many days (default 30;
#         --expiry-days sets the same)
package pxlint.rules.px305

import data.pxlint.lib.cert
import data.pxlint.lib.family.cert_validity._day
import data.pxlint.lib.family.cert_validity._links
import data.pxlint.lib.family.cert_validity._what

deny contains r if {
	some [e, i, l] in _links
	end := time.parse_rfc3339_ns(l.not_after)
	cert.now_ns <= end
	cert.now_ns >= time.parse_rfc3339_ns(l.not_before)
	left := end - cert.now_ns
	left < cert.expiry_days * cert.day_ns
	r := object.union(cert.at(e), {
		"id": "PX305",
		"msg": sprintf("%s expires on %s, in %d days (threshold %d days)", [_what(e, i), _day(l.not_after), floor(left / cert.day_ns), cert.expiry_days]),
		"fix": "renew the certificate now; the Teams Connector stops working when it expires",
	})
}

not_verified contains {"id": "PX305", "reason": cert.nothing_read_reason} if cert.none_read

not_verified contains {"id": "PX305", "reason": "no clock: input.context.now is empty"} if {
	not cert.none_read
	not cert.now_ns
}
