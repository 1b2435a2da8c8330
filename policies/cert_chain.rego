# METADATA
# title: certificate chains (complete, trusted, AIA redirects)
# description: |
#   PX306 and PX307 read the chain lint/cert tried to build from the leaf to
#   a trusted root (system roots, the built-in fallback bundle, --ca-file);
#   PX312 the AIA caIssuers URLs of the intermediates, fetched only with
#   --online.
# custom:
#   id: [PX306, PX307, PX312]
package pxlint.rules.cert_chain

import data.pxlint.lib.cert

# ---------------------------------------------------------------------------
# PX306 cert-chain-incomplete

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

not_verified contains {"id": "PX306", "reason": cert.nothing_read_reason} if count(cert.readable) == 0

# ---------------------------------------------------------------------------
# PX307 cert-untrusted

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

not_verified contains {"id": "PX307", "reason": cert.nothing_read_reason} if count(cert.readable) == 0

# ---------------------------------------------------------------------------
# PX312 cert-aia

deny contains r if {
	some e in cert.readable
	e.facts.aia.checked
	some d in e.facts.aia.redirects
	d.to_https
	r := object.union(cert.at(e), {
		"id": "PX312",
		"msg": sprintf("an intermediate of the %s has the AIA caIssuers URL %s, which redirects to %s; chain building does not follow HTTP-to-HTTPS redirects", [cert.label(e), d.url, d.location]),
		"fix": "obtain the certificate from a CA whose AIA URLs answer over plain HTTP, or install the full chain where the certificate is used",
	})
}

_unchecked := {u |
	some e in cert.readable
	not e.facts.aia.checked
	some u in e.facts.aia.urls
}

not_verified contains {"id": "PX312", "reason": sprintf("offline: AIA URLs %s not fetched (use --online)", [concat(", ", sort(_unchecked))])} if {
	count(_unchecked) > 0
}

not_verified contains {"id": "PX312", "reason": cert.nothing_read_reason} if count(cert.readable) == 0
