# METADATA
# title: helpers of the workstation prerequisite rules (PX4xx) and PX207
# description: |
#   PowerShell module versions (compared part by part, as System.Version
#   does, so "4.5" equals "4.5.0.0" and 4.10 is newer than 4.9), where each
#   fact came from, and Azure scopes.
package pxlint.lib.prereq

# version_ok is true for a PowerShell module version: 1 to 4 numeric parts,
# optionally a prerelease tag ("2.5.0-preview").
version_ok(v) if {
	is_string(v)
	regex.match(`^[0-9]{1,9}(\.[0-9]{1,9}){0,3}(-[0-9A-Za-z.-]+)?$`, v)
}

# parts normalises a valid version to four numbers, missing parts being 0.
# (Padded with "0" parts and cut to four: one builtin call each rather than
# a function call per part.)
parts(v) := [to_number(s) | some s in array.slice(array.concat(segs, ["0", "0", "0"]), 0, 4)] if {
	version_ok(v)
	segs := split(split(v, "-")[0], ".")
}

# compare is -1, 0 or 1 as version a is older than, the same as or newer than b.
# Arrays of numbers compare element by element, so the four parts compare
# as System.Version does in one comparison.
compare(a, b) := _order(parts(a), parts(b))

_order(pa, pb) := -1 if pa < pb

_order(pa, pb) := 0 if pa == pb

_order(pa, pb) := 1 if pa > pb

older(a, b) if compare(a, b) == -1

same(a, b) if compare(a, b) == 0

# is_required_az is same(v, required_az), with the required version's parts
# worked out once per query rather than once per comparison.
is_required_az(v) if parts(v) == _required_az_parts

_required_az_parts := parts(required_az)

# newest is the newest of a set of versions (the first spelling on ties).
# Linear in the number of versions (a build agent may list thousands):
# versions compare as their four normalised parts, arrays compare element
# by element. Arrays, not sets, of parts: OPA's set hash of small-number
# arrays collides so often that building such a set is quadratic.
newest(vs) := v if {
	normalised := [[parts(w), w] | some w in vs; version_ok(w)]
	count(normalised) > 0
	top := max([n[0] | some n in normalised])
	v := min([n[1] | some n in normalised; n[0] == top])
}

# required_az is the Az version the target release needs: the config's
# az_version, else the vendor's pin for the Az releases.
default required_az := "4.5.0"

required_az := v if {
	v := input.config.az_version
	version_ok(v)
}

# bad lists the versions that break the deployment (Az 4.6 shipped Az.Resources
# 2.5.0, which rejects secure-string and string-array template parameters).
bad := {"az": {"4.6.0", "4.6.1"}, "az.resources": {"2.5.0"}}

# requires_line is the #Requires line that makes PowerShell itself refuse
# any other Az.
requires_line := sprintf(`#Requires -Modules @{ ModuleName="Az"; RequiredVersion="%s" }`, [required_az])

# facts_source is "facts" or "probe": where the workstation facts came from.
facts_source := s if {
	s := input.facts.source
	s in {"facts", "probe"}
} else := "facts" if is_object(input.facts)

# modules_known is true when the facts list the installed modules (an empty
# list is known: nothing installed).
modules_known if is_array(input.facts.modules)

# installed is the set of installed versions of a module (lower-case name).
installed(m) := {x.version |
	some x in input.facts.modules
	lower(x.name) == m
	version_ok(x.version)
}

# ci compares names case-insensitively, as Azure and PowerShell do.
ci(a, b) if lower(a) == lower(b)

# scope normalises an Azure scope for comparison: lower case, no trailing "/"
# (the root scope "/" becomes "").
scope(s) := lower(trim_right(s, "/"))

# script_subscription is $PxSubscriptionId in lower case, when known.
script_subscription := lower(v) if {
	v := input.variables.PxSubscriptionId.value
	not input.variables.PxSubscriptionId.kind in {"unknown", "secret"}
	is_string(v)
	trim_space(v) != ""
}

# facts_subscription is the subscription of the facts' Azure context.
facts_subscription := lower(v) if {
	v := input.facts.account.subscription_id
	is_string(v)
	v != ""
}
