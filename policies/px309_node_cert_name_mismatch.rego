# METADATA
# title: A Conferencing Node name is not in any node certificate
# description: >-
#   A name in `$PxNodeFqdns` (one comma-separated string) is not covered by the
#   DNS names of any Conferencing Node certificate given with `--node-cert` (PEM
#   chain, DER or PFX; repeatable). Wildcards cover exactly one left-most label.
#   `not_verified` when no `--node-cert` is given.
# custom:
#   id: PX309
#   name: node-cert-name-mismatch
#   severity: error
#   prevents: >-
#     "Teams API request failed" and Error="401": "the certificate subject names
#     may not match against expected values"
#   remediation: >-
#     Correct the node name in `$PxNodeFqdns`, or give the certificate that
#     covers it with `--node-cert` (and install it on that node).
#   bad: |-
#     $PxNodeFqdns = "px01.vc.example.com,px02.example.com"   # node certificate: *.vc.example.com
#   good: |-
#     $PxNodeFqdns = "px01.vc.example.com,px02.vc.example.com"
#   needs: [PxNodeFqdns]
package pxlint.rules.px309

import data.pxlint.lib.cert

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
