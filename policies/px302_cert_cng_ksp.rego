# METADATA
# title: PFX private key will land in a CNG Key Storage Provider
# description: >-
#   Windows reads the Microsoft CSP Name attribute (OID 1.3.6.1.4.1.311.17.1, a
#   BMPString) on each private-key bag of a PFX to choose where the key goes. A
#   CNG Key Storage Provider name ("Microsoft Software Key Storage Provider",
#   "Microsoft Platform Crypto Provider", ...) is an error; a CryptoAPI CSP name
#   passes; no attribute is a warning, because Windows then chooses the provider
#   on import. The attribute sits outside the encrypted key, so pxlint reads it
#   without the password whenever the key bag's SafeContents is not encrypted
#   (as in Windows exports). Every key bag of the file is reported.
# custom:
#   id: PX302
#   name: cert-cng-ksp
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     "The private key of certificate '<thumbprint>' is stored in a CNG Key
#     Storage Provider, which is currently not supported"
#   remediation: >-
#     Re-export the PFX naming a CryptoAPI provider: `openssl pkcs12 -export
#     -CSP "Microsoft Enhanced RSA and AES Cryptographic Provider" -inkey
#     teams.key -in teams.crt -certfile chain.pem -out teams.pfx`; on Windows,
#     import the PFX with `certutil -csp "Microsoft Enhanced RSA and AES
#     Cryptographic Provider" -importpfx teams.pfx` and export it again.
#   bad: |-
#     $PxPfxCertFileName = "teams.pfx"   # key bag: Microsoft CSP Name = Microsoft Software Key Storage Provider
#   good: |-
#     $PxPfxCertFileName = "teams.pfx"   # key bag: Microsoft CSP Name = Microsoft Enhanced RSA and AES Cryptographic Provider
package pxlint.rules.px302

import data.pxlint.lib.cert

# PX302 cert-cng-ksp: the provider attribute of each key bag, readable
# without the password.

_providers contains [e, p] if {
	e := {"role": "teams", "facts": cert.teams}
	cert.teams.status in {"read", "locked"}
	some p in cert.teams.providers
}

deny contains r if {
	some [e, p] in _providers
	p.kind == "ksp"
	r := object.union(cert.at(e), {
		"id": "PX302",
		"severity": "error",
		"msg": sprintf("the private key (bag %d) of the %s names the CNG Key Storage Provider \"%s\"; Windows will store the private key in CNG, which the Teams Connector does not support (\"The private key of certificate '%s' is stored in a CNG Key Storage Provider\")", [p.bag, cert.label(e), p.name, _thumbprint(e)]),
		"fix": _csp_fix,
	})
}

deny contains r if {
	some [e, p] in _providers
	p.kind == "none"
	r := object.union(cert.at(e), {
		"id": "PX302",
		"severity": "warning",
		"msg": sprintf("the private key (bag %d) of the %s has no provider attribute: Windows will choose the provider on import, and a CNG Key Storage Provider breaks the Teams Connector", [p.bag, cert.label(e)]),
		"fix": _csp_fix,
	})
}

deny contains r if {
	some [e, p] in _providers
	p.kind == "unknown"
	r := object.union(cert.at(e), {
		"id": "PX302",
		"severity": "warning",
		"msg": sprintf("the private key (bag %d) of the %s names the provider \"%s\", which pxlint does not know as a CryptoAPI CSP", [p.bag, cert.label(e), p.name]),
		"fix": _csp_fix,
	})
}

_thumbprint(e) := e.facts.leaf.thumbprint if e.facts.leaf.thumbprint

_thumbprint(e) := "<thumbprint>" if not e.facts.leaf.thumbprint

_csp_fix := "re-export with a CryptoAPI provider: openssl pkcs12 -export -CSP \"Microsoft Enhanced RSA and AES Cryptographic Provider\" -inkey key.pem -in cert.pem -certfile chain.pem -out teams.pfx"

# (A helper rule: `not cert.teams.status in {...}` is undefined, not true,
# when there is no certificate at all, which made the rule pass without it.)
not_verified contains {"id": "PX302", "reason": cert.teams_reason} if not _inspectable

_inspectable if cert.teams.status in {"read", "locked"}

not_verified contains {"id": "PX302", "reason": sprintf("the %s holds no private key bag to inspect", [cert.label({"role": "teams", "facts": cert.teams})])} if {
	cert.teams.status == "read"
	count(cert.teams.providers) == 0
}

# A key bag inside encrypted content cannot be listed without the password.
not_verified contains {"id": "PX302", "reason": cert.teams.reason} if {
	cert.teams.status == "locked"
	count(cert.teams.providers) == 0
}
