# METADATA
# title: certificate validity (expired, not yet valid, expiring soon)
# description: |
#   PX304 and PX305 judge the leaf and the chain that was built, at the
#   injectable clock (input.context.now). Spare certificates in a file that
#   the chain does not use are not judged.
# custom:
#   id: [PX304, PX305]
package pxlint.rules.cert_validity

import data.pxlint.lib.cert

_links contains [e, i, l] if {
	some e in cert.readable
	some i, l in cert.chain_links(e.facts)
}

_what(e, 0) := sprintf("the %s", [cert.label(e)])

_what(e, i) := sprintf("%s, in the chain of the %s,", [l.subject, cert.label(e)]) if {
	i > 0
	l := cert.chain_links(e.facts)[i]
}

_day(ts) := substring(ts, 0, 10)

# ---------------------------------------------------------------------------
# PX304 cert-expired

deny contains r if {
	some [e, i, l] in _links
	cert.now_ns > time.parse_rfc3339_ns(l.not_after)
	r := object.union(cert.at(e), {
		"id": "PX304",
		"msg": sprintf("%s expired on %s", [_what(e, i), _day(l.not_after)]),
		"fix": "renew the certificate (and export the new chain) before deploying",
	})
}

deny contains r if {
	some [e, i, l] in _links
	cert.now_ns < time.parse_rfc3339_ns(l.not_before)
	r := object.union(cert.at(e), {
		"id": "PX304",
		"msg": sprintf("%s is not valid before %s", [_what(e, i), l.not_before]),
		"fix": "wait until the certificate is valid, or check the clock of the machine that issued it",
	})
}

not_verified contains {"id": "PX304", "reason": cert.nothing_read_reason} if count(cert.readable) == 0

not_verified contains {"id": "PX304", "reason": "no clock: input.context.now is empty"} if {
	count(cert.readable) > 0
	not cert.now_ns
}

# ---------------------------------------------------------------------------
# PX305 cert-expiring

deny contains r if {
	some [e, i, l] in _links
	end := time.parse_rfc3339_ns(l.not_after)
	cert.now_ns <= end
	cert.now_ns >= time.parse_rfc3339_ns(l.not_before)
	left := end - cert.now_ns
	left < cert.expiry_days * cert.day_ns
	r := object.union(cert.at(e), {
		"id": "PX305",
		"msg": sprintf("%s expires on %s, in %d days (threshold %d days)", [_what(e, i), _day(l.not_after), floor(left / cert.day_ns), cert.expiry_days]),
		"fix": "renew the certificate now; the Teams Connector stops working when it expires",
	})
}

not_verified contains {"id": "PX305", "reason": cert.nothing_read_reason} if count(cert.readable) == 0

not_verified contains {"id": "PX305", "reason": "no clock: input.context.now is empty"} if {
	count(cert.readable) > 0
	not cert.now_ns
}
