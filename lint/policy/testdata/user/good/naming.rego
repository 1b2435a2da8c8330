# METADATA
# title: base names start with the company prefix
# description: ACME's naming convention.
# custom:
#   id: ACME001
#   severity: warning
package acme.naming

deny contains msg if {
	not startswith(input.variables.PxBaseConnName.value, "acme")
	msg := sprintf("base name %q must start with acme", [input.variables.PxBaseConnName.value])
}

warn contains {"msg": "region tag should be 3 letters", "variable": "PxVmssRegion"} if {
	count(input.variables.PxVmssRegion.value) != 3
}
