# METADATA
# title: Teams Connector certificate key is not RSA
# description: >-
#   The private key of the Teams Connector certificate is ECDSA (or any
#   algorithm but RSA). The connector's installation imports the PFX and accepts
#   RSA keys only.
# custom:
#   id: PX301
#   name: cert-not-rsa
#   severity: error
#   prevents: >-
#     "The certificate '<thumbprint>' is an ECDSA certificate, which is
#     currently not supported"
#   remediation: >-
#     Request an RSA certificate (2048 bits or more) for the Teams Connector
#     name, e.g. `openssl req -new -newkey rsa:2048 -nodes -keyout teams.key
#     -subj "/CN=teams.example.com" -addext
#     "subjectAltName=DNS:teams.example.com" -out teams.csr`, then export it
#     with its chain as a PFX.
#   bad: |-
#     $PxPfxCertFileName = "teams-ecdsa.pfx"   # exported from a CNG key, no chain
#     # openssl pkey -in key.pem -noout -text  →  ASN1 OID: prime256v1
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # RSA 2048+, CryptoAPI CSP, full chain, public CA
#     # openssl pkey -in key.pem -noout -text  →  Private-Key: (2048 bit, 2 primes)
package pxlint.rules.px301

import data.pxlint.lib.cert

# PX301 cert-not-rsa: the connector accepts RSA keys only.

deny contains r if {
	some e in cert.readable
	e.role == "teams"
	e.facts.key.algorithm != "RSA"
	r := object.union(cert.at(e), {
		"id": "PX301",
		"msg": sprintf("the %s has %s key; the Teams Connector supports RSA keys only (\"The certificate '%s' is an ECDSA certificate, which is currently not supported\")", [cert.label(e), _key_desc(e.facts.key), e.facts.leaf.thumbprint]),
		"fix": "request or export an RSA certificate (2048 bits or more) for the Teams Connector name",
	})
}

_key_desc(k) := sprintf("an %s %s", [k.algorithm, k.curve]) if k.curve

_key_desc(k) := sprintf("a %s", [k.algorithm]) if not k.curve

not_verified contains {"id": "PX301", "reason": cert.teams_reason} if not cert.teams_read
