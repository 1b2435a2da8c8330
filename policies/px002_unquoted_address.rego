# METADATA
# title: IPv4 address or CIDR prefix written without quotes
# description: >-
#   An IPv4 address or CIDR prefix written without quotes, as a value or an
#   array element. It is not a syntax error, which is why it survives until
#   deployment: PowerShell reads `80.213.4.17` as the number `80.213` followed
#   by the member access `.4.17`, which yields `$null`, and `91.90.42.64/26` as
#   `$null / 26`, i.e. `0`. The network security group then gets an empty or
#   wrong entry. Rules about addresses (PX101–PX108) skip such elements: this
#   rule owns them.
# custom:
#   id: PX002
#   name: unquoted-address
#   severity: error
#   prevents: >-
#     "typos or formatting errors in the variables initialization script, such
#     as missing quotes around an IP address"
#   remediation: >-
#     Put the address in double quotes, exactly as written: `"80.213.4.17"`.
#   bad: |-
#     $PxNodesSourceAddressPrefixes = @(80.213.4.17, "31.45.128.0/27")
#   good: |-
#     $PxNodesSourceAddressPrefixes = @("80.213.4.17", "31.45.128.0/27")
#   fragment: true
package pxlint.rules.px002

import data.pxlint.lib

# PX002 unquoted-address: PowerShell reads 80.213.4.17 as `80.213` followed by
# the member access `.4.17` ($null), and 91.90.42.64/26 as `$null / 26`.

deny contains r if {
	some name, var in input.variables
	some i, el in var.elements
	el.kind == "bare"
	not _appended(el)
	lib.looks_like_address(el.text)
	r := {
		"id": "PX002",
		"variable": name,
		"element": i,
		"msg": sprintf("%s in $%s is not quoted: PowerShell evaluates it to %s, not to the address", [el.text, name, _bare_value(el.text)]),
		"fix": sprintf("\"%s\"", [el.text]),
	}
}

deny contains r if {
	some name, var in input.variables
	# The address shape first: it rules out nearly every variable in one
	# test, where each negation costs a child evaluation.
	lib.looks_like_address(var.text)
	not var.kind in {"string", "secret"}
	not var.quote
	r := {
		"id": "PX002",
		"variable": name,
		"msg": sprintf("$%s = %s is not quoted: PowerShell evaluates it to %s, not to the address", [name, var.text, _bare_value(var.text)]),
		"fix": sprintf("$%s = \"%s\"", [name, var.text]),
	}
}

_appended(el) if {
	el.from
	el.from != ""
}

_bare_value(text) := "0 ($null divided by the prefix length)" if contains(text, "/")

_bare_value(text) := "$null" if not contains(text, "/")
