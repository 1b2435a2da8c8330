# METADATA
# title: Certificate is self-signed or chains to an untrusted root
# description: >-
#   The certificate is self-signed, its chain ends at a root that is not trusted
#   (not in the system roots, the fallback bundle or `--ca-file`), or the file
#   carries the chain up to a CA whose issuer is not a trusted root (a private
#   CA). The Teams Connector and the Conferencing Nodes need certificates from
#   an external, publicly trusted CA.
# custom:
#   id: PX307
#   name: cert-untrusted
#   severity: error
#   prevents: >-
#     "Ensure that the Teams Connector and the Conferencing Nodes have a valid
#     certificate that is signed by an external trusted CA" (Error="401")
#   remediation: >-
#     Use a certificate issued by a public CA. For a lab with a private CA, pass
#     the CA's root with `--ca-file root.pem`.
#   bad: |-
#     $PxPfxCertFileName = "selfsigned.pfx"   # New-SelfSignedCertificate
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # RSA 2048+, CryptoAPI CSP, full chain, public CA
package pxlint.rules.px307

import data.pxlint.lib.cert

deny contains r if {
	some e in cert.readable
	not e.facts.chain.built
	e.facts.chain.problem in {"self_signed", "untrusted_root", "other"}
	r := object.union(cert.at(e), {
		"id": "PX307",
		"msg": sprintf("the %s is not trusted: %s; the Teams Connector needs a certificate from a public CA (\"signed by an external trusted CA\")", [cert.label(e), e.facts.chain.reason]),
		"fix": "use a certificate issued by a public certificate authority (for a private CA in tests, pass its root with --ca-file)",
	})
}

not_verified contains {"id": "PX307", "reason": cert.nothing_read_reason} if cert.none_read
