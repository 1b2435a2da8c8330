# METADATA
# title: resource names follow the ACME convention
# description: >-
#   ACME deploys one Teams Connector per region, and its base names start
#   with "acme" so that every Azure resource is recognisable in cost reports.
# custom:
#   id: ACME001
#   severity: error
#   remediation: Start $PxBaseConnName with "acme", e.g. "acmeweu".
package acme.naming

# An object result points the finding at the variable's assignment.
deny contains {
	"msg": sprintf("$PxBaseConnName %q must start with \"acme\"", [name]),
	"variable": "PxBaseConnName",
	"fix": sprintf("$PxBaseConnName = \"acme%s\"", [substring(name, 0, 5)]),
} if {
	name := input.variables.PxBaseConnName.value
	is_string(name)
	name != ""
	not startswith(name, "acme")
}
