# METADATA
# title: Teams Connector or node name is not a DNS name
# description: >-
#   `$PxTeamsConnFqdn`, or a name in `$PxNodeFqdns`, is not a DNS name: a scheme
#   (`https://`), a port, a path, an underscore, spaces, an IP address, a label
#   over 63 or a name over 253 characters. The Teams Connector FQDN's shape is
#   checked in CUE, the node names (split on commas) in Rego.
# custom:
#   id: PX502
#   name: fqdn
#   severity: error
#   prevents: >-
#     certificate and DNS failures: "Teams API request failed" and Error="401"
#     (certificate subject names may not match)
#   remediation: >-
#     Write the bare host name: `teams-weu.fabrikam.net`, not
#     `https://teams-weu.fabrikam.net:443/`.
#   bad: |-
#     $PxNodeFqdns = "https://conf01.fabrikam.net,conf_02.fabrikam.net"
#   good: |-
#     $PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"
#   needs: [PxTeamsConnFqdn, PxNodeFqdns]
#   fragment: true
package pxlint.rules.px502

import data.pxlint.lib
import data.pxlint.lib.values._names
import data.pxlint.lib.values.node_fqdns

# PX502 fqdn, node-name part.

_label := `[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?`

_label_re := sprintf(`^%s$`, [_label])

# The same shape as #Fqdn in schemas/variables.cue, which judges
# $PxTeamsConnFqdn: at least two labels, no trailing dot, a top-level label
# that starts with a letter (so no IP address).
_dns_re := sprintf(`^(%s\.)+[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?$`, [_label])

_dns_name(n) if {
	regex.match(_dns_re, n)
	count(n) <= 253
	every l in split(n, ".") {
		count(l) <= 63
	}
}

deny contains r if {
	some n in {x | some x in _names}
	not _dns_name(n)
	r := object.union(
		{
			"id": "PX502",
			"variable": node_fqdns,
			"msg": sprintf("\"%s\" in $%s is not a DNS name: %s", [n, node_fqdns, _fqdn_problem(n)]),
		},
		_fqdn_fix(n),
	)
}

_fqdn_problem(n) := "remove the scheme (https://...)" if {
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://`, n)
} else := "remove the path after the name" if {
	contains(n, "/")
} else := "remove the port" if {
	regex.match(`:[0-9]*$`, n)
} else := "it is an IP address; use the node's DNS name" if {
	lib.is_ipv4(n)
} else := "underscores are not allowed in host names" if {
	contains(n, "_")
} else := "it contains spaces" if {
	regex.match(`\s`, n)
} else := "remove the trailing dot" if {
	endswith(n, ".")
} else := "it is a single label; write the fully qualified name (node.example.com)" if {
	not contains(n, ".")
} else := sprintf("it is %d characters, at most 253 are allowed", [count(n)]) if {
	count(n) > 253
} else := "a label is over 63 characters" if {
	some l in split(n, ".")
	count(l) > 63
} else := "a label is empty or starts or ends with a hyphen" if {
	some l in split(trim_right(n, "."), ".")
	not regex.match(_label_re, l)
	regex.match(`^[A-Za-z0-9.-]*$`, n)
} else := "only letters, digits, hyphens and dots are allowed"

# A fix is mechanical when stripping a scheme, path or port leaves a DNS name.
_fqdn_fix(n) := {"fix": sprintf("$%s = \"%s\"", [node_fqdns, concat(",", [_replace_name(x, n, clean) | some x in _names])])} if {
	clean := _strip(n)
	clean != n
	_dns_name(clean)
} else := {}

_replace_name(x, n, clean) := clean if x == n

_replace_name(x, n, _) := x if x != n

_strip(n) := s if {
	no_scheme := regex.replace(n, `^[A-Za-z][A-Za-z0-9+.-]*://`, "")
	no_path := split(no_scheme, "/")[0]
	s := regex.replace(no_path, `:[0-9]*$`, "")
}
