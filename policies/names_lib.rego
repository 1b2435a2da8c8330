# METADATA
# title: helpers shared by names and Azure resources
# description: |
#   PX201 (upper case; length and character set are CUE's), PX203, PX204,
#   PX205 and PX208. A missing or empty name is PX501's and a name broken in
#   shape is PX201's or PX202's: derived-name rules skip both.
package pxlint.lib.family.names

base := "PxBaseConnName"

rg := "PxTeamsConnResourceGroupName"

static_rg := "PxTeamsConnStaticResourceGroupName"

_related(name, message) := [{"file": input.file, "line": input.variables[name].line, "message": message}] if {
	input.variables[name].line
} else := []
