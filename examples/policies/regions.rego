# A string result (conftest style) gets an ID derived from the package,
# USER-acme.regions, and concerns the file as a whole.
package acme.regions

allowed := {"westeurope", "northeurope"}

warn contains msg if {
	loc := input.variables.PxAzureLocation.value
	is_string(loc)
	not loc in allowed
	msg := sprintf("ACME deploys only to %v, not to %q", [sort(allowed), loc])
}
