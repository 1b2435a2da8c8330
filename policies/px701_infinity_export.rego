# METADATA
# title: >-
#   Infinity export refers to objects it does not hold, or lacks a resource
# description: >-
#   A reference field (a rule's `teams_proxy` or `outgoing_location`, a
#   connector's `azure_tenant`, a node's `system_location`, ...) names a
#   `resource_uri` that no object of the export has (error), or a required
#   resource (`gateway_routing_rule`, `conference`, `teams_proxy`,
#   `azure_tenant`, `system_location`, `worker_vm`) is absent, so the rules that
#   need it are not verified (info). An export that is not JSON, or not in one
#   of the accepted forms, stops pxlint with exit code 2 naming the file and
#   JSON pointer.
# custom:
#   id: PX701
#   name: infinity-export
#   severity: error
#   levels: [error, info]
#   prevents: >-
#     a check judged on half an export (integrity of the other PX7xx results)
#   remediation: >-
#     Export every resource in one run (`pxlint infinity export-script`) so
#     references resolve.
#   bad: |-
#     {"teams_proxy": [{"resource_uri": "/api/admin/configuration/v1/teams_proxy/1/", "azure_tenant": "/api/admin/configuration/v1/azure_tenant/9/"}], "azure_tenant": []}
#   good: |-
#     {"teams_proxy": [{"resource_uri": "/api/admin/configuration/v1/teams_proxy/1/", "azure_tenant": "/api/admin/configuration/v1/azure_tenant/1/"}], "azure_tenant": [{"resource_uri": "/api/admin/configuration/v1/azure_tenant/1/", "tenant_id": "…"}]}
#   infinity: true
#   assumes: >-
#     A reference is a resource URI string or a nested object with
#     `resource_uri` or `id` (the API returns both forms; inferred).
package pxlint.rules.px701

deny contains {
	"id": "PX701",
	"at": d.at,
	"msg": sprintf("%s points at %s, which is not in the export: no %s has that resource_uri", [d.field, d.ref, d.target]),
	"fix": sprintf("point %s at an existing %s, or export the %s it names", [d.field, d.target, d.target]),
} if {
	some d in input.dangling
}

deny contains {
	"id": "PX701",
	"severity": "info",
	"at": sprintf("%s#", [input.export]),
	"msg": sprintf("the export has no %s: the rules that need it are not verified", [r]),
	"fix": sprintf("export %s too (pxlint infinity export-script writes every resource)", [r]),
} if {
	some r in input.missing
	not r in {"tls_certificate", "ca_certificate", "global"}
}
