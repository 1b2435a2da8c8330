# METADATA
# title: certificate keys and usage (RSA only, CryptoAPI provider, strength, EKUs)
# description: |
#   PX301 and PX302 judge the Teams Connector PFX; PX308 and PX311 every
#   certificate that was read.
# custom:
#   id: [PX301, PX302, PX308, PX311]
package pxlint.rules.cert_key

import data.pxlint.lib.cert

# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
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

not_verified contains {"id": "PX308", "reason": cert.nothing_read_reason} if count(cert.readable) == 0

# ---------------------------------------------------------------------------
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

not_verified contains {"id": "PX311", "reason": cert.nothing_read_reason} if count(cert.readable) == 0
