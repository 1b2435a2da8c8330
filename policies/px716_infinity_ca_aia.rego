# METADATA
# title: "CA certificate on the Management Node has an http:// AIA URL"
# description: >-
#   A `ca_certificate` (an intermediate uploaded to the Management Node) names
#   an `http://` caIssuers URL in its Authority Information Access; if that URL
#   redirects to https, the Teams Connector cannot build the chain. Offline the
#   URL is reported as a risk; with `--online` it is fetched once, without
#   following redirects, and reported only when it redirects to https.
# custom:
#   id: PX716
#   name: infinity-ca-aia
#   severity: warning
#   prevents: "Error=\"401\": \"includes a HTTP-to-HTTPS redirect in the AIA…\""
#   remediation: "Check the URL answers without a redirect, or upload the full chain."
#   bad: |-
#     {"ca_certificate": [{"certificate": "-----BEGIN CERTIFICATE----- (AIA caIssuers http://pki.example.org/int.crt) …"}]}
#   good: |-
#     {"ca_certificate": [{"certificate": "-----BEGIN CERTIFICATE----- (no http:// AIA) …"}]}
#   infinity: true
#   assumes: >-
#     Offline, any http:// caIssuers URL is taken as one that may redirect
#     (PX312 does the same check for the connector's own certificate).
package pxlint.rules.px716

deny contains {
	"id": "PX716",
	"at": c.at,
	"msg": sprintf("CA certificate %q has an http:// AIA caIssuers URL (%s); if it redirects to https, the Teams Connector cannot build the chain and calls fail with Error=\"401\" (not fetched: run with --online to check)", [c.subject, concat(", ", c.http_aia)]),
	"fix": "check that the URL answers without a redirect, or upload the full chain so the AIA is not needed",
} if {
	some c in input.ca_certificates
	count(c.http_aia) > 0
	not c.checked
}

deny contains {
	"id": "PX716",
	"at": c.at,
	"msg": sprintf("CA certificate %q: its AIA caIssuers URL %s redirects to https, which the Teams Connector does not follow: calls fail with Error=\"401\"", [c.subject, concat(", ", c.https_redirects)]),
	"fix": "have the URL answer over http without a redirect, or upload the full chain so the AIA is not needed",
} if {
	some c in input.ca_certificates
	c.checked
	count(c.https_redirects) > 0
}
