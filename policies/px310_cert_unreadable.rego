# METADATA
# title: Certificate file cannot be read
# description: >-
#   A certificate file that exists is corrupt or truncated, is not a PFX/PEM/DER
#   certificate (a `.cer` where the Teams Connector needs a PFX with its private
#   key), has an invalid integrity check (MAC or PBMAC1), or the password is
#   wrong. When the file named by `$PxPfxCertFileName` is absent, as it usually
#   is in a repository, the certificate rules are `not_verified` instead; a path
#   given with `--cert`, `--node-cert` or `--ca-file` that does not exist is
#   exit code 2. A PFX that asks for more work than pxlint allows is PX310 too,
#   before anything is decrypted: more than 64 bags, an iteration count over a
#   million, or over 4 million key-derivation iterations in all (a decryption
#   still running after 30 s is abandoned), so a hostile file costs seconds, not
#   minutes.
# custom:
#   id: PX310
#   name: cert-unreadable
#   severity: error
#   prevents: the deployment script failing at its certificate prompt
#   remediation: >-
#     Export the certificate again as a PFX with its private key and chain
#     (`Export-PfxCertificate`, or `openssl pkcs12 -export`); check the password
#     in PXLINT_PFX_PASSWORD or the --cert-password-file.
#   bad: |-
#     $PxPfxCertFileName = "teams.cer"   # a DER certificate without the key
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # RSA 2048+, CryptoAPI CSP, full chain, public CA
package pxlint.rules.px310

# PX310: a certificate file that exists but is corrupt, not a PFX/PEM/DER
# certificate, or behind a wrong password. An absent $PxPfxCertFileName
# file is not a finding: the certificate rules are not_verified.

import data.pxlint.lib.cert

deny contains r if {
	some e in cert.files
	e.facts.status == "unreadable"
	r := object.union(cert.at(e), {
		"id": "PX310",
		"msg": sprintf("the %s cannot be read: %s", [cert.label(e), e.facts.reason]),
		"fix": _fix(e),
	})
}

_fix(e) := "check the password in PXLINT_PFX_PASSWORD (or --cert-password-file)" if {
	e.role == "teams"
	contains(e.facts.reason, "wrong password")
} else := "check the password in PXLINT_NODE_PFX_PASSWORD (or --node-cert-password-file)" if {
	contains(e.facts.reason, "wrong password")
} else := "export the certificate again as a PFX with its private key and chain (Export-PfxCertificate, or openssl pkcs12 -export)" if {
	e.role == "teams"
} else := "give the node certificate as PEM, DER or PFX"

not_verified contains {"id": "PX310", "reason": cert.nothing_read_reason} if {
	cert.none_read
	not _any_unreadable
}

_any_unreadable if {
	some e in cert.files
	e.facts.status == "unreadable"
}
