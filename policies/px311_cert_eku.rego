# METADATA
# title: Certificate lacks the Server (and Client) Authentication EKU
# description: >-
#   The Teams Connector leaf certificate has an Extended Key Usage extension
#   without Server Authentication, or a Conferencing Node certificate lacks
#   Server or Client Authentication. A certificate without the extension is
#   valid for every purpose and passes.
# custom:
#   id: PX311
#   name: cert-eku
#   severity: warning
#   prevents: TLS handshake failures between the nodes and the connector
#   remediation: >-
#     Request the certificate from a template or profile that includes Server
#     Authentication (1.3.6.1.5.5.7.3.1) and, for nodes, Client Authentication
#     (1.3.6.1.5.5.7.3.2).
#   bad: |-
#     $PxPfxCertFileName = "teams-ecdsa.pfx"   # exported from a CNG key, no chain   # EKU: Client Authentication only
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # RSA 2048+, CryptoAPI CSP, full chain, public CA   # EKU: Server Authentication, Client Authentication
package pxlint.rules.px311

import data.pxlint.lib.cert

# PX311 cert-eku: Server Authentication for the connector; Server and Client
# Authentication for the nodes. A certificate without the EKU extension is
# valid for every purpose.

_required_ekus("teams") := {"serverAuth"}

_required_ekus("node") := {"serverAuth", "clientAuth"}

deny contains r if {
	some e in cert.readable
	ekus := {x | some x in e.facts.leaf.ekus}
	count(ekus) > 0
	not "any" in ekus
	missing := _required_ekus(e.role) - ekus
	count(missing) > 0
	r := object.union(cert.at(e), {
		"id": "PX311",
		"msg": sprintf("the %s lacks the %s extended key usage (it has %s)", [cert.label(e), concat(" and ", [_eku_name(x) | some x in sort(missing)]), concat(", ", e.facts.leaf.ekus)]),
		"fix": sprintf("request a certificate whose Extended Key Usage includes %s", [concat(" and ", [_eku_name(x) | some x in sort(_required_ekus(e.role))])]),
	})
}

_eku_name("serverAuth") := "Server Authentication (1.3.6.1.5.5.7.3.1)"

_eku_name("clientAuth") := "Client Authentication (1.3.6.1.5.5.7.3.2)"

not_verified contains {"id": "PX311", "reason": cert.nothing_read_reason} if cert.none_read
