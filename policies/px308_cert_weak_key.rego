# METADATA
# title: Weak certificate key or signature
# description: >-
#   The leaf has an RSA key under 2048 bits, or is signed with SHA-1 or MD5.
# custom:
#   id: PX308
#   name: cert-weak-key
#   severity: error
#   prevents: the certificate being rejected by Teams and Azure
#   remediation: >-
#     Request a new certificate with an RSA key of 2048 bits or more, signed
#     with SHA-256: `openssl req -new -newkey rsa:2048 -sha256 ...`.
#   bad: |-
#     $PxPfxCertFileName = "teams-ecdsa.pfx"   # exported from a CNG key, no chain   # RSA 1024, sha1WithRSAEncryption
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # RSA 2048+, CryptoAPI CSP, full chain, public CA   # RSA 2048, sha256WithRSAEncryption
package pxlint.rules.px308

import data.pxlint.lib.cert

# PX308 cert-weak-key: RSA under 2048 bits, SHA-1/MD5 signature on the leaf.

deny contains r if {
	some e in cert.readable
	e.facts.key.algorithm == "RSA"
	e.facts.key.bits < 2048
	r := object.union(cert.at(e), {
		"id": "PX308",
		"msg": sprintf("the %s has a %d-bit RSA key; Teams and Azure require at least 2048 bits", [cert.label(e), e.facts.key.bits]),
		"fix": "request a new certificate with an RSA key of 2048 bits or more",
	})
}

deny contains r if {
	some e in cert.readable
	regex.match(`(?i)(sha1|md5|md2)`, e.facts.leaf.signature_algorithm)
	r := object.union(cert.at(e), {
		"id": "PX308",
		"msg": sprintf("the %s is signed with %s, which Teams and Azure reject", [cert.label(e), e.facts.leaf.signature_algorithm]),
		"fix": "have the certificate reissued with a SHA-256 (or stronger) signature",
	})
}

not_verified contains {"id": "PX308", "reason": cert.nothing_read_reason} if cert.none_read
