# METADATA
# title: "$PxTeamsConnFqdn is not among the certificate's names"
# description: >-
#   `$PxTeamsConnFqdn` is not covered by a DNS name in the Teams Connector
#   certificate's Subject Alternative Names. A wildcard covers exactly one
#   left-most label (`*.example.com` covers `teams.example.com`, not
#   `example.com` nor `a.teams.example.com`); names compare case-insensitively;
#   a name only in the subject CN does not count. `not_verified` when the
#   certificate bag is encrypted and no password is given (PXLINT_PFX_PASSWORD).
# custom:
#   id: PX303
#   name: cert-name-mismatch
#   severity: error
#   prevents: >-
#     TLS failures between the Conferencing Nodes and the connector: "Teams API
#     request failed" Error="401"
#   remediation: >-
#     Set `$PxTeamsConnFqdn` to a name the certificate covers, or request a
#     certificate whose SAN includes it.
#   bad: |-
#     $PxTeamsConnFqdn = "teams.example.com"   # certificate SAN: *.connector.example.com
#   good: |-
#     $PxTeamsConnFqdn = "teams.connector.example.com"   # certificate SAN: *.connector.example.com
#   needs: [PxTeamsConnFqdn]
package pxlint.rules.px303

import data.pxlint.lib
import data.pxlint.lib.cert

deny contains r if {
	some e in cert.readable
	e.role == "teams"
	fqdn := lib.str("PxTeamsConnFqdn")
	not cert.covered(e.facts.leaf, fqdn)
	r := {
		"id": "PX303",
		"variable": "PxTeamsConnFqdn",
		"cert": e.facts.path,
		"fingerprint": e.facts.leaf.fingerprint,
		"msg": sprintf("$PxTeamsConnFqdn \"%s\" is not covered by the %s (%s)%s", [fqdn, cert.label(e), cert.names(e.facts.leaf), _cn_note(e.facts.leaf, fqdn)]),
		"fix": sprintf("set $PxTeamsConnFqdn to a name the certificate covers, or request a certificate with the DNS name %s", [fqdn]),
	}
}

_cn_note(leaf, fqdn) := "; the name is only in the subject CN, which TLS clients ignore" if {
	cert.covers(leaf.common_name, fqdn)
} else := ""

not_verified contains {"id": "PX303", "reason": cert.teams_reason} if not cert.teams_read

not_verified contains {"id": "PX303", "reason": "$PxTeamsConnFqdn is not set or not known statically"} if {
	cert.teams_read
	not lib.str("PxTeamsConnFqdn")
}
