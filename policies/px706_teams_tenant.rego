# METADATA
# title: >-
#   Teams Connector's Azure tenant is missing, malformed or not the expected one
# description: >-
#   Error: a connector has no `azure_tenant`; its tenant ID is not a GUID, is
#   the nil GUID or a placeholder, or looks like a domain; or it is not among
#   the expected tenants (`--tenant-id`, or `expected_tenant_ids` in the
#   infinity block). Warning: with no expected tenant given, the connectors
#   point at different tenants. Info: no expected tenant given, so only the
#   format was checked.
# custom:
#   id: PX706
#   name: teams-tenant
#   severity: error
#   levels: [error, warning, info]
#   prevents: >-
#     Error="500": "The wrong Azure tenant ID is configured in Pexip Infinity"
#   remediation: >-
#     Set the tenant ID to the tenant where the Pexip app was consented, and
#     pass it with `--tenant-id`.
#   bad: |-
#     {"azure_tenant": [{"tenant_id": "example.onmicrosoft.com"}]}
#   good: |-
#     {"azure_tenant": [{"tenant_id": "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"}]}
#   infinity: true
#   assumes: >-
#     The tenant used for a call is the connector's `azure_tenant` (rules and
#     Virtual Receptions have no tenant field in the schema seen; inferred).
package pxlint.rules.px706

import data.pxlint.lib.family.infinity._judged

_guid_re := `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`

_tenant_problem(id) := "looks like a domain, not a tenant ID (a GUID)" if {
	contains(id, ".")
} else := "is not a GUID" if {
	not regex.match(_guid_re, id)
} else := "is the nil GUID" if {
	replace(id, "-", "") == "00000000000000000000000000000000"
} else := "is a placeholder (one repeated digit)" if {
	count({c | some c in split(lower(replace(id, "-", "")), "")}) == 1
}

deny contains {
	"id": "PX706",
	"at": c.at,
	"field": "azure_tenant",
	"msg": sprintf("Teams Connector %q has no Microsoft Teams tenant (azure_tenant is unset): calls fail with Error=\"500\"", [c.name]),
	"fix": "add the tenant under Call control > Microsoft Teams Tenants and select it on the connector",
} if {
	some c in input.connectors
	not c.tenant_set
}

deny contains {
	"id": "PX706",
	"at": c.tenant_at,
	"msg": sprintf("the tenant ID %q of Teams Connector %q %s: calls fail with Error=\"500\"", [c.tenant_id, c.name, _tenant_problem(c.tenant_id)]),
	"fix": "set tenant_id to the GUID of the Entra ID tenant where the Pexip app was consented",
} if {
	some c in input.connectors
	c.tenant_found
	_tenant_problem(c.tenant_id)
}

deny contains {
	"id": "PX706",
	"at": c.tenant_at,
	"msg": sprintf("Teams Connector %q uses tenant %s, not the expected %s (from %s): calls fail with Error=\"500\"", [c.name, c.tenant_id, concat(" or ", input.config.expected_tenant_ids), input.config.tenant_source]),
	"fix": "set tenant_id to the tenant where the Pexip app was consented",
} if {
	some c in input.connectors
	c.tenant_found
	not _tenant_problem(c.tenant_id)
	count(input.config.expected_tenant_ids) > 0
	not lower(c.tenant_id) in input.config.expected_tenant_ids
}

_tenant_ids := {lower(c.tenant_id) | some c in input.connectors; c.tenant_found; not _tenant_problem(c.tenant_id)}

deny contains {
	"id": "PX706",
	"severity": "warning",
	"at": sprintf("%s#", [input.export]),
	"msg": sprintf("the Teams Connectors point at %d different tenants (%s); with no expected tenant given, pxlint cannot tell which is wrong", [count(_tenant_ids), concat(", ", sort(_tenant_ids))]),
	"fix": "give the expected tenants (--tenant-id, or expected_tenant_ids in the infinity block) if several are intended",
} if {
	count(input.config.expected_tenant_ids) == 0
	count(_tenant_ids) > 1
}

deny contains {
	"id": "PX706",
	"severity": "info",
	"at": sprintf("%s#", [input.export]),
	"msg": "no expected tenant given (--tenant-id, or expected_tenant_ids in the infinity block): only the format of the tenant IDs was checked",
	"fix": "pass --tenant-id with the tenant where the Pexip app was consented",
} if {
	_judged("PX706")
	count(input.connectors) > 0
	count(input.config.expected_tenant_ids) == 0
	count(_tenant_ids) <= 1
}
