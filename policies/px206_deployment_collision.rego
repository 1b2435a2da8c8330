# METADATA
# title: Two regional deployments collide
# description: >-
#   Across the scripts of one repository and within one `$PxSubscriptionId`, two
#   regional deployments share a VMSS resource group, a static resource group, a
#   VMSS name (`<base><region>`) or a public IP name
#   (`<base>-TeamsConn-<region>-PIP`); or, in any subscription, a
#   `$PxTeamsConnFqdn`. Typically a script copied for a new region with the
#   region tag left unchanged. Each script gets one finding per colliding
#   variable, whatever the number of scripts it collides with: the message names
#   the first 3 other scripts and counts the rest, and the first 10 places are
#   related locations (the message says how many more), so output grows
#   linearly.
# custom:
#   id: PX206
#   name: deployment-collision
#   severity: error
#   prevents: >-
#     one region overwriting another ("Web space with name <name> already exists
#     for subscription <id>")
#   remediation: >-
#     Give each regional script its own `$PxVmssRegion` and `$PxTeamsConnFqdn`,
#     and build the names from them.
#   bad: |-
#     # weu.ps1 and weu-copy.ps1, same subscription
#     $PxVmssRegion = "weu"
#   good: |-
#     # weu.ps1
#     $PxVmssRegion = "weu"
#     # neu.ps1
#     $PxVmssRegion = "neu"
#   needs: [PxSubscriptionId, PxTeamsConnFqdn, PxBaseConnName, PxVmssRegion, PxTeamsConnResourceGroupName, PxTeamsConnStaticResourceGroupName]
package pxlint.rules.px206

# PX206: within one $PxSubscriptionId, two regional deployments share a
# VMSS resource group, a static resource group, a VMSS name or a public IP
# name; in any subscription, they share a $PxTeamsConnFqdn. The other
# scripts come from input.repository; findings name them as related locations.

import data.pxlint.lib.derived
import data.pxlint.lib

_others contains o if {
	some o in input.repository
	o.file != input.file
}

_same(a, b) if lower(trim_right(a, ".")) == lower(trim_right(b, "."))

_same_subscription(o) if _same(o.subscription_id, lib.str("PxSubscriptionId"))

# The names derived from $PxBaseConnName and $PxVmssRegion (data.pxlint.lib.derived).
_derived := {
	"vmss_name": {"value": derived.names.vmss, "what": "the VMSS name"},
	"public_ip_name": {"value": derived.names.public_ip, "what": "the public IP name"},
}

# Resource groups: any of mine against either of theirs (a VMSS RG of one
# region equal to the static RG of another collides as much).
_collisions contains c if {
	some o in _others
	_same_subscription(o)
	some name in {"PxTeamsConnResourceGroupName", "PxTeamsConnStaticResourceGroupName"}
	v := lib.str(name)
	some their, keys in {
		"resource_group": ["resource_group_line", "its VMSS resource group"],
		"static_resource_group": ["static_resource_group_line", "its static resource group"],
	}
	[line_key, label] := keys
	_same(v, object.get(o, their, ""))
	c := {"other": o, "variable": name, "what": sprintf("the resource group \"%s\" (%s)", [v, label]), "line": object.get(o, line_key, 0)}
}

_collisions contains c if {
	some o in _others
	_same_subscription(o)
	some key, d in _derived
	_same(d.value, object.get(o, key, ""))
	c := {"other": o, "variable": "PxBaseConnName", "what": sprintf("%s \"%s\"", [d.what, d.value]), "line": object.get(o, "base_conn_name_line", 0)}
}

# One finding per colliding variable of this script, whatever the number
# of other scripts it collides with: they are named in the message (the
# first _max_named) and listed as related locations (the first
# _max_related), so that output grows linearly with the number of scripts.
_max_named := 3

_max_related := 10

deny contains r if {
	some name in {c.variable | some c in _collisions}
	cs := [c | some c in _collisions; c.variable == name]
	files := sort({c.other.file | some c in cs})
	whats := sort({c.what | some c in cs})
	places := sort({[c.other.file, c.line, c.what] | some c in cs})
	r := {
		"id": "PX206",
		"variable": name,
		"msg": sprintf("%s: one regional deployment would overwrite the other%s", [_who_also_uses(files, concat(" and ", whats)), _more_related(places)]),
		"fix": _fix(name),
		"related": _related_list(places),
	}
}

_who_also_uses(files, what) := sprintf("%s deploys to the same subscription and also uses %s", [files[0], what]) if count(files) == 1

_who_also_uses(files, what) := sprintf("%d other scripts (%s) deploy to the same subscription and also use %s", [count(files), _named(files), what]) if count(files) > 1

# _named lists the first _max_named files and says how many more there are.
_named(files) := concat(", ", files) if count(files) <= _max_named

_named(files) := sprintf("%s and %d more", [concat(", ", array.slice(files, 0, _max_named)), count(files) - _max_named]) if count(files) > _max_named

_more_related(places) := "" if count(places) <= _max_related

_more_related(places) := sprintf(" (the first %d of %d places are listed as related locations)", [_max_related, count(places)]) if count(places) > _max_related

_related_list(places) := [_related(p[0], p[1], p[2]) | some p in array.slice(places, 0, _max_related)]

_fix("PxBaseConnName") := "give each regional deployment its own $PxVmssRegion (or $PxBaseConnName)"

_fix(name) := sprintf("give each regional deployment its own $PxVmssRegion and build $%s from it", [name]) if name != "PxBaseConnName"

_related(file, line, what) := {"file": file, "line": line, "message": sprintf("also %s", [what])} if line > 0

_related(file, line, what) := {"file": file, "message": sprintf("also %s", [what])} if line <= 0

# The Teams Connector FQDN collides in any subscription.
deny contains r if {
	fqdn := lib.str("PxTeamsConnFqdn")
	places := sort({[o.file, object.get(o, "teams_conn_fqdn_line", 0), sprintf("the Teams Connector FQDN \"%s\"", [fqdn])] |
		some o in _others
		_same(fqdn, object.get(o, "teams_conn_fqdn", ""))
	})
	count(places) > 0
	files := sort({p[0] | some p in places})
	r := {
		"id": "PX206",
		"variable": "PxTeamsConnFqdn",
		"msg": sprintf("%s the Teams Connector FQDN \"%s\": each regional deployment needs its own hostname (and a certificate naming it)%s", [_who_also(files), fqdn, _more_related(places)]),
		"fix": "give this region its own $PxTeamsConnFqdn, e.g. with the region in the first label",
		"related": _related_list(places),
	}
}

_who_also(files) := sprintf("%s also uses", [files[0]]) if count(files) == 1

_who_also(files) := sprintf("%d other scripts (%s) also use", [count(files), _named(files)]) if count(files) > 1
