# METADATA
# title: certificate names ($PxTeamsConnFqdn and $PxNodeFqdns covered)
# description: |
#   PX303 checks the Teams Connector certificate against $PxTeamsConnFqdn,
#   PX309 every name of $PxNodeFqdns against the --node-cert certificates.
#   A wildcard covers exactly one left-most label.
# custom:
#   id: [PX303, PX309]
package pxlint.rules.cert_names

import data.pxlint.lib
import data.pxlint.lib.cert

# ---------------------------------------------------------------------------
# PX303 cert-name-mismatch

deny contains r if {
	some e in cert.readable
	e.role == "teams"
	fqdn := lib.str("PxTeamsConnFqdn")
	not cert.covered(e.facts.leaf, fqdn)
	r := {
		"id": "PX303",
		"variable": "PxTeamsConnFqdn",
		"cert": e.facts.path,
		"fingerprint": e.facts.leaf.fingerprint,
		"msg": sprintf("$PxTeamsConnFqdn \"%s\" is not covered by the %s (%s)%s", [fqdn, cert.label(e), cert.names(e.facts.leaf), _cn_note(e.facts.leaf, fqdn)]),
		"fix": sprintf("set $PxTeamsConnFqdn to a name the certificate covers, or request a certificate with the DNS name %s", [fqdn]),
	}
}

_cn_note(leaf, fqdn) := "; the name is only in the subject CN, which TLS clients ignore" if {
	cert.covers(leaf.common_name, fqdn)
} else := ""

not_verified contains {"id": "PX303", "reason": cert.teams_reason} if not cert.teams_read

not_verified contains {"id": "PX303", "reason": "$PxTeamsConnFqdn is not set or not known statically"} if {
	cert.teams_read
	not lib.str("PxTeamsConnFqdn")
}

# ---------------------------------------------------------------------------
# PX309 node-cert-name-mismatch

_nodes_read := {e | some e in cert.readable; e.role == "node"}

deny contains r if {
	count(_nodes_read) > 0
	some name in cert.node_names
	not _node_covered(name)
	r := {
		"id": "PX309",
		"variable": "PxNodeFqdns",
		"cert": min({e.facts.path | some e in _nodes_read}),
		"msg": sprintf("Conferencing Node \"%s\" in $PxNodeFqdns is not covered by any --node-cert certificate (%s)", [name, _node_cert_names]),
		"fix": sprintf("add a certificate for %s with --node-cert, or correct the name in $PxNodeFqdns", [name]),
	}
}

_node_covered(name) if {
	some e in _nodes_read
	cert.covered(e.facts.leaf, name)
}

_node_cert_names := concat("; ", sort({sprintf("%s: %s", [e.facts.path, cert.names(e.facts.leaf)]) | some e in _nodes_read}))

not_verified contains {"id": "PX309", "reason": "no --node-cert given"} if count(input.certificates.nodes) == 0

not_verified contains {"id": "PX309", "reason": concat("; ", sort({r | some e in cert.files; e.role == "node"; r := _node_reason(e)}))} if {
	count(input.certificates.nodes) > 0
	count(_nodes_read) == 0
}

_node_reason(e) := e.facts.reason if e.facts.status != "unreadable"

_node_reason(e) := sprintf("the certificate file %s could not be read (PX310)", [e.facts.path]) if e.facts.status == "unreadable"

not_verified contains {"id": "PX309", "reason": "$PxNodeFqdns is not set or not known statically"} if {
	count(_nodes_read) > 0
	count(cert.node_names) == 0
}
