# METADATA
# title: "Base name too long, with invalid characters, or in upper case"
# description: >-
#   `$PxBaseConnName` prefixes every Azure resource of the deployment. Error:
#   over 9 characters, or characters outside `a-z0-9` (dashes, spaces,
#   underscores). Warning: upper case, which the template does not allow and
#   which storage account names cannot hold. An empty or missing value is
#   PX501's.
# custom:
#   id: PX201
#   name: base-name
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     invalid VMSS, storage account and computer names: the deployment is
#     rejected
#   remediation: >-
#     Use at most 9 lower-case letters and digits, e.g. an abbreviation of the
#     organisation.
#   bad: |-
#     $PxBaseConnName = "Fabrikam-Corp"
#   good: |-
#     $PxBaseConnName = "fabrikam"
#   needs: [PxBaseConnName]
#   fragment: true
package pxlint.rules.px201

import data.pxlint.lib
import data.pxlint.lib.family.names.base

# PX201 base-name, warning part: upper case.

deny contains r if {
	lib.base_ok
	v := lib.str(base)
	v != lower(v)
	r := {
		"id": "PX201",
		"severity": "warning",
		"variable": base,
		"msg": sprintf("$%s \"%s\" has upper-case letters; the template allows a-z0-9 only, and the storage account names derived from it must be lower case", [base, v]),
		"fix": sprintf("$%s = \"%s\"", [base, lower(v)]),
	}
}
