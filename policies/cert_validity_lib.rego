# METADATA
# title: helpers shared by certificate validity (expired, not yet valid, expiring soon)
# description: |
#   PX304 and PX305 judge the leaf and the chain that was built, at the
#   injectable clock (input.context.now). Spare certificates in a file that
#   the chain does not use are not judged.
package pxlint.lib.family.cert_validity

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
