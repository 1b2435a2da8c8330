# METADATA
# title: derived resource names
# description: |
#   The names create_vmss_deployment.ps1 derives from $PxBaseConnName and
#   $PxVmssRegion, expanded from the profile's patterns
#   (input.profile_data, from schemas/profiles.cue). This is the one place
#   names are derived: the rules (PX206, PX601) read them here, and
#   `pxlint plan` queries this package for the names it shows, so a plan
#   and a finding can never disagree about a name.
package pxlint.lib.derived

import data.pxlint.lib
import data.pxlint.lib.cert

# expand fills a profile name pattern: {base} with $PxBaseConnName, {region}
# with $PxVmssRegion. Undefined unless every placeholder it uses has a usable
# value (PX201/PX202 own broken ones).
expand(pattern) := replace(replace(pattern, "{base}", _base), "{region}", _region_for(pattern))

# _base and _region are the usable values, looked up once per query rather
# than once per name expanded.
_base := lib.str("PxBaseConnName") if lib.base_ok

_region := lib.str("PxVmssRegion") if lib.region_ok

_region_for(pattern) := "" if not contains(pattern, "{region}")

else := _region

# names maps each role of profile_data.resource_names (vmss_resource_group,
# static_resource_group, bot_resource_group, vmss, public_ip) to its name.
names[role] := expand(pattern) if {
	some role, pattern in input.profile_data.resource_names
}

# source writes a role's name pattern as the PowerShell a script assigns
# (`{base}-TeamsConn-{region}-RG` → `"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"`),
# for the fixes that restore the template's names.
source(role) := sprintf("\"%s\"", [replace(replace(input.profile_data.resource_names[role], "{base}", "$($PxBaseConnName)"), "{region}", "$($PxVmssRegion)")])

# bots are the derived bot names (global in Azure), in the profile's order.
bots := [expand(p) | some p in input.profile_data.bot_names] if lib.base_ok

# apps maps each app role to its display name, where the profile documents one.
apps[app.role] := expand(app.display_name) if {
	some app in input.profile_data.apps
	app.display_name != ""
}

# plan is what `pxlint plan` reads: every derived name with the pattern it
# came from (patterns also for the names that could not be derived), and
# which certificate names cover which host name.
plan := {
	"names": {role: {"name": n, "pattern": input.profile_data.resource_names[role]} | some role, n in names},
	"patterns": object.get(input, ["profile_data", "resource_names"], {}),
	"bots": [{"name": expand(p), "pattern": p} | some p in input.profile_data.bot_names; expand(p)],
	"apps": [{"role": a.role, "name": apps[a.role], "pattern": a.display_name} | some a in input.profile_data.apps; apps[a.role]],
	"certificates": coverage,
}

# hosts are the names certificates must cover: the Teams Connector FQDN
# (its certificate) and each of $PxNodeFqdns (the nodes' certificates).
hosts contains {"host": lib.str("PxTeamsConnFqdn"), "variable": "PxTeamsConnFqdn", "role": "teams"}

hosts contains {"host": trim_space(n), "variable": "PxNodeFqdns", "role": "node"} if {
	some n in split(lib.str("PxNodeFqdns"), ",")
	trim_space(n) != ""
}

# coverage lists, for each host whose certificates were read, the
# certificate DNS names that cover it (cert.covers: exact, or a one-label
# wildcard). Empty when no certificate of that role was read.
coverage := sort([c |
	some h in hosts
	_read_role(h.role)
	c := {
		"host": h.host, "variable": h.variable, "role": h.role,
		"covered_by": sort([{"cert": e.facts.path, "name": d} |
			some e in cert.readable
			e.role == h.role
			some d in e.facts.leaf.dns_names
			cert.covers(d, h.host)
		]),
	}
])

_read_role(role) if {
	some e in cert.readable
	e.role == role
}
