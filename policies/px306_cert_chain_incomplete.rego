# METADATA
# title: PFX lacks the intermediate certificates
# description: >-
#   No chain from the leaf to a trusted root can be built from the file's
#   certificates, and an intermediate CA certificate is what is missing: the
#   file stops at the leaf, or at a certificate whose issuer is itself an
#   intermediate (the file carries a root the chain does not reach). When the
#   file carries the chain up to a CA whose issuer is unknown, the cause is a
#   private root: PX307. The Teams Connector PFX must carry the whole chain.
#   Trusted roots are the system's, a built-in fallback bundle, and `--ca-file`.
# custom:
#   id: PX306
#   name: cert-chain-incomplete
#   severity: error
#   prevents: >-
#     the connector presenting an incomplete chain: "the PFX must contain the
#     intermediate chain" (reference), and Error="401" from nodes that cannot
#     build it
#   remediation: >-
#     Export the PFX with the chain: `openssl pkcs12 -export -CSP "Microsoft
#     Enhanced RSA and AES Cryptographic Provider" -inkey teams.key -in
#     teams.crt -certfile intermediates.pem -out teams.pfx`, or on Windows
#     `Export-PfxCertificate -Cert Cert:\LocalMachine\My\<thumbprint> -FilePath
#     teams.pfx -ChainOption BuildChain -Password $pw`.
#   bad: |-
#     $PxPfxCertFileName = "teams.pfx"   # leaf only
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # leaf + intermediate CA
package pxlint.rules.px306

import data.pxlint.lib.cert

deny contains r if {
	some e in cert.readable
	not e.facts.chain.built
	e.facts.chain.problem == "missing_intermediate"
	r := object.union(cert.at(e), {
		"id": "PX306",
		"msg": sprintf("the %s does not chain to a trusted root: %s", [cert.label(e), e.facts.chain.reason]),
		"fix": "export the PFX with the whole chain: openssl pkcs12 -export -inkey key.pem -in cert.pem -certfile intermediates.pem -out teams.pfx (on Windows: Export-PfxCertificate -ChainOption BuildChain)",
	})
}

not_verified contains {"id": "PX306", "reason": cert.nothing_read_reason} if cert.none_read
