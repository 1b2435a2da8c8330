# METADATA
# title: Node prefixes do not include the management prefixes
# description: >-
#   `$PxNodesSourceAddressPrefixes` is set but does not contain every prefix of
#   `$PxMgmtSrcAddrPrefixes`. The workstation that grants admin consent after
#   the deployment must reach the Teams Connector on 443 too; the template's
#   idiom appends the management prefixes. When `consent_addresses` (or
#   `--consent-address`) names the consent workstation's public addresses, those
#   must be in the list instead. With `$PxMgmtSrcAddrPrefixes = @()` and no
#   consent address, nothing shows the workstation can reach 443: a warning at
#   the node prefixes.
# custom:
#   id: PX108
#   name: consent-source-missing
#   severity: warning
#   prevents: admin consent blocked after deployment
#   remediation: >-
#     Append the management prefixes: `$PxNodesSourceAddressPrefixes = @(...) +
#     $PxMgmtSrcAddrPrefixes`.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17")
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17") + $PxMgmtSrcAddrPrefixes
#   needs: [PxNodesSourceAddressPrefixes, PxMgmtSrcAddrPrefixes]
#   options:
#     consent_addresses:
#       kind: addresses
#       max_items: 100
#       description: >-
#         public IPv4 addresses or prefixes of the admin-consent workstation;
#         each must be inside the node prefixes (`--consent-address` replaces
#         them)
package pxlint.rules.px108

import data.pxlint.lib
import data.pxlint.lib.family.network._good
import data.pxlint.lib.family.network._good_cidrs
import data.pxlint.lib.family.network._quote
import data.pxlint.lib.family.network.mgmt
import data.pxlint.lib.family.network.nodes

# PX108 consent-source-missing: the admin-consent workstation must reach 443
# too. Its address is the configured consent_addresses (option or
# --consent-address), else the management prefixes; with neither, it is
# unknown, and node prefixes that are set very likely shut it out.

_consent_configured := lib.strings_option("PX108", "consent_addresses", [])

deny contains r if {
	count(_node_prefixes) > 0
	count(_consent_configured) > 0
	missing := [a |
		some a in _consent_configured
		lib.good_prefix(a)
		not _covered(lib.cidr(a))
	]
	count(missing) > 0
	r := {
		"id": "PX108",
		"variable": nodes,
		"msg": sprintf("$%s does not include the admin-consent address%s %s (consent_addresses), so the admin-consent workstation cannot reach the Teams Connector on 443", [nodes, _plural(missing), concat(", ", sort(missing))]),
		"fix": sprintf("append %s: $%s = @(...) + $%s", [concat(", ", [_quote(m) | some m in sort(missing)]), nodes, mgmt]),
	}
}

deny contains r if {
	count(_node_prefixes) > 0
	count(_consent_configured) == 0
	missing := [m.value |
		some m in lib.entries(mgmt)
		f := lib.address_facts[m.value]
		f.good
		not _covered(f.cidr)
	]
	count(missing) > 0
	r := {
		"id": "PX108",
		"variable": nodes,
		"msg": sprintf("$%s does not include the management prefix%s %s, so the admin-consent workstation cannot reach the Teams Connector on 443", [nodes, _plural(missing), concat(", ", sort(missing))]),
		"fix": sprintf("append the management prefixes: $%s = @(...) + $%s", [nodes, mgmt]),
	}
}

# No management prefixes and no consent address: nothing says the consent
# workstation is among the node prefixes.
deny contains r if {
	count(_node_prefixes) > 0
	count(_consent_configured) == 0
	_no_mgmt
	r := {
		"id": "PX108",
		"variable": nodes,
		"severity": "warning",
		"msg": sprintf("$%s is set while $%s is empty, so unless the admin-consent workstation's address is in this list it cannot reach the Teams Connector on 443", [nodes, mgmt]),
		"fix": "name the consent workstation's public address with consent_addresses in .pxlint.hcl (or --consent-address) if it is in this list, else add it to the list",
	}
}

_node_prefixes := node_prefixes if {
	node_prefixes := _good(nodes)
	not _unknown_element(nodes)
} else := []

_no_mgmt if not lib.assigned(mgmt)

# Empty, not of the wrong type: a number or a boolean is PX008's, and
# calling it empty would send the reader to the wrong fix.
_no_mgmt if {
	lib.known(mgmt)
	not _wrong_type(mgmt)
	count([m | some m in lib.entries(mgmt); trim_space(m.value) != ""]) == 0
	not _unknown_element(mgmt)
	not _bare_element(mgmt)
}

_bare_element(name) if {
	some el in input.variables[name].elements
	el.kind == "bare"
}

_unknown_element(name) if {
	some el in input.variables[name].elements
	el.kind == "unknown"
}

# _covered is true when one of the node prefixes contains the prefix c:
# one builtin call, where comparing with each prefix took several
# evaluations per prefix. (The rules ask it only when _node_prefixes is
# not empty, so the list has no unknown element.)
_covered(c) if count(net.cidr_contains_matches(_good_cidrs[nodes], c)) > 0

_plural(xs) := "es" if count(xs) > 1

_plural(xs) := "" if count(xs) == 1

# A management list of the wrong type (PX008's finding) says nothing of
# where the consent workstation is: the node list cannot be judged.
not_verified contains {"id": "PX108", "reason": sprintf("$%s is not a list of prefixes (PX008), so whether the admin-consent workstation is among the node prefixes is not known", [mgmt])} if {
	count(_node_prefixes) > 0
	count(_consent_configured) == 0
	_wrong_type(mgmt)
}

_wrong_type(name) if {
	kind := input.variables[name].kind
	not kind in {"string", "array", "null", "unknown", "secret"}
}
