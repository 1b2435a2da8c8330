# METADATA
# title: "Intermediate's AIA URL redirects HTTP to HTTPS"
# description: >-
#   With `--online`, each intermediate's `http://` AIA caIssuers URL is fetched
#   once (short timeout, no retries, bounded size, redirects not followed); a
#   redirect to `https://` is reported, because chain building does not follow
#   it. Offline the status is `not_verified`, with the URLs in its reason.
#   pxlint makes no network access without `--online`.
# custom:
#   id: PX312
#   name: cert-aia
#   severity: warning
#   prevents: >-
#     "A chain of intermediate CA certificates ... includes a HTTP-to-HTTPS
#     redirect in the AIA (Authority Information Access) portion of one of those
#     intermediate certificates"
#   remediation: >-
#     Obtain the certificate from a CA whose AIA URLs answer over plain HTTP
#     (the seed's advice: "Obtain your certificates from a different Certificate
#     Authority").
#   bad: |-
#     # intermediate AIA: http://ca.example.com/int.crt  →  301 https://ca.example.com/int.crt
#   good: |-
#     # intermediate AIA: http://ca.example.com/int.crt  →  200 application/pkix-cert
package pxlint.rules.px312

import data.pxlint.lib.cert

deny contains r if {
	some e in cert.readable
	e.facts.aia.checked
	some d in e.facts.aia.redirects
	d.to_https
	r := object.union(cert.at(e), {
		"id": "PX312",
		"msg": sprintf("an intermediate of the %s has the AIA caIssuers URL %s, which redirects to %s; chain building does not follow HTTP-to-HTTPS redirects", [cert.label(e), d.url, d.location]),
		"fix": "obtain the certificate from a CA whose AIA URLs answer over plain HTTP, or install the full chain where the certificate is used",
	})
}

_unchecked := {u |
	some e in cert.readable
	not e.facts.aia.checked
	some u in e.facts.aia.urls
}

not_verified contains {"id": "PX312", "reason": sprintf("offline: AIA URLs %s not fetched (use --online)", [concat(", ", sort(_unchecked))])} if {
	count(_unchecked) > 0
}

not_verified contains {"id": "PX312", "reason": cert.nothing_read_reason} if cert.none_read
