# METADATA
# title: values (required variables, node names, instance count, secrets)
# description: |
#   PX501, PX503, PX505's warning (the whole-number error is CUE's), PX506
#   and PX508. (PX502, host names, is #Fqdn in schemas/variables.cue, for
#   the Teams Connector FQDN and each Conferencing Node name alike.)
# custom:
#   id: [PX501, PX503, PX505, PX506, PX508]
package pxlint.rules.values

import data.pxlint.lib
import data.pxlint.lib.derived

node_fqdns := "PxNodeFqdns"

# ---------------------------------------------------------------------------
# PX501 required-variable: missing (file-level) or empty (at the assignment).

_template := {
	"PxTeamsConnResourceGroupName": derived.source("vmss_resource_group"),
	"PxTeamsConnStaticResourceGroupName": derived.source("static_resource_group"),
	"PxTeamsConnInstanceCount": "\"1\"",
	"PxWinAdminUser": "\"<VM administrator name>\"",
	"PxBaseConnName": "\"<a-z0-9, at most 9 characters>\"",
	"PxVmssRegion": "\"<a-z region tag>\"",
	"PxTeamsConnFqdn": "\"<Teams Connector hostname>\"",
	"PxNodeFqdns": "\"<node1 FQDN>,<node2 FQDN>\"",
	"PxSubscriptionId": "\"<subscription GUID>\"",
	"PxAzureLocation": "\"<Azure region, e.g. westeurope>\"",
	"PxPfxCertFileName": "\"<certificate>.pfx\"",
}

_assign_fix(name) := sprintf("$%s = %s", [name, _template[name]]) if _template[name]

_assign_fix(name) := sprintf("$%s = <value>", [name]) if not _template[name]

deny contains r if {
	some name in lib.required
	not lib.assigned(name)
	r := {
		"id": "PX501",
		"msg": sprintf("$%s is not set; create_vmss_deployment.ps1 needs it%s", [name, _why_user(name)]),
		"fix": _assign_fix(name),
	}
}

deny contains r if {
	some name in lib.required
	lib.known(name)
	lib.blank(lib.value(name))
	r := {
		"id": "PX501",
		"variable": name,
		"msg": sprintf("$%s is empty; create_vmss_deployment.ps1 needs a value%s", [name, _why_user(name)]),
		"fix": _assign_fix(name),
	}
}

_why_user("PxWinAdminUser") := " (the VM credential is built from it)"

_why_user(name) := "" if name != "PxWinAdminUser"

# ---------------------------------------------------------------------------
# $PxNodeFqdns: one comma-separated string.

_nodes_string := v if {
	v := lib.str(node_fqdns)
	is_string(v)
}

_parts := split(_nodes_string, ",")

# _names are the non-empty node names, trimmed, in order.
_names := [trim_space(p) | some p in _parts; trim_space(p) != ""]

# ---------------------------------------------------------------------------
# PX503 node-fqdn-list

deny contains r if {
	lib.known(node_fqdns)
	var := input.variables[node_fqdns]
	var.kind == "array"
	count(var.value) > 0 # an empty one is PX501's
	r := object.union(
		{
			"id": "PX503",
			"severity": "error",
			"variable": node_fqdns,
			"msg": sprintf("$%s is an array of %d names; create_vmss_deployment.ps1 expects one comma-separated string", [node_fqdns, count(var.value)]),
		},
		_join_fix(var.value),
	)
}

_join_fix(vs) := {"fix": sprintf("$%s = \"%s\"", [node_fqdns, concat(",", [trim_space(v) | some v in vs; trim_space(v) != ""])])} if {
	count(vs) > 0
	every v in vs {
		is_string(v)
	}
} else := {}

deny contains r if {
	problems := _list_problems
	count(problems) > 0
	r := {
		"id": "PX503",
		"severity": "warning",
		"variable": node_fqdns,
		"msg": sprintf("$%s has %s", [node_fqdns, concat(", ", problems)]),
		"fix": sprintf("$%s = \"%s\"", [node_fqdns, concat(",", _unique_names)]),
	}
}

_list_problems := [p |
	some check in [_p_empty, _p_spaces, _p_duplicates]
	p := check
	p != ""
]

_p_empty := "empty entries" if {
	count(_parts) > 1
	some p in _parts
	trim_space(p) == ""
} else := ""

_p_spaces := "spaces around commas" if {
	count(_parts) > 1
	some p in _parts
	trim_space(p) != ""
	p != trim_space(p)
} else := ""

_p_duplicates := sprintf("duplicate names (%s)", [concat(", ", sort(_duplicates))]) if {
	count(_duplicates) > 0
} else := ""

_duplicates := {lower(n) | some i, n in _names; some j, m in _names; i < j; lower(n) == lower(m)}

_unique_names := [n | some i, n in _names; not _seen_before(i, n)]

_seen_before(i, n) if {
	some j, m in _names
	j < i
	lower(m) == lower(n)
}

# ---------------------------------------------------------------------------
# PX505 instance-count, warning part (not a whole number ≥ 1 is CUE's error).

deny contains r if {
	n := _instances
	n >= 1
	max_instances := lib.number_option("PX505", "max_instances", 20)
	n > max_instances
	r := {
		"id": "PX505",
		"severity": "warning",
		"variable": "PxTeamsConnInstanceCount",
		"msg": sprintf("$PxTeamsConnInstanceCount is %d, more than %d instances (each takes about 15 calls, so about %d calls); check the capacity plan and the subscription's VM quota", [n, max_instances, n * 15]),
		"fix": "plan the capacity per region (about 15 calls per instance) and deploy another region for more",
	}
}

_instances := n if {
	v := lib.value("PxTeamsConnInstanceCount")
	is_string(v)
	regex.match(`^\s*[0-9]{1,9}\s*$`, v)
	n := to_number(trim_space(v))
} else := n if {
	n := lib.value("PxTeamsConnInstanceCount")
	is_number(n)
	n == floor(n)
}

# ---------------------------------------------------------------------------
# PX506 plaintext-secret: never echo the value, only the variable and length.

deny contains r if {
	some name, var in input.variables
	var.kind == "secret"
	var.secret.literal
	var.secret.length > 0
	r := {
		"id": "PX506",
		"severity": _secret_severity,
		"variable": name,
		"msg": sprintf("$%s holds a literal secret (%d characters)%s", [name, var.secret.length, _secret_why]),
		"fix": _secret_fix(name),
	}
}

_secret_severity := "error" if input.context.in_git_work_tree

_secret_severity := "warning" if not input.context.in_git_work_tree

_secret_why := " in a file inside a git work tree: it is about to be committed, or already was; remove it and rotate it" if {
	input.context.in_git_work_tree
} else := "; anyone who can read the file has it"

_secret_fix("PxWinAdminPassword") := "delete this line and prompt instead: $PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser"

_secret_fix(name) := sprintf("delete this line and prompt instead: $%s = Read-Host -AsSecureString", [name]) if name != "PxWinAdminPassword"

# ---------------------------------------------------------------------------
# PX508 fqdn-collision

deny contains r if {
	fqdn := lib.str("PxTeamsConnFqdn")
	some n in _names
	lower(trim_right(n, ".")) == lower(trim_right(fqdn, "."))
	r := {
		"id": "PX508",
		"variable": "PxTeamsConnFqdn",
		"msg": sprintf("$PxTeamsConnFqdn \"%s\" is also a Conferencing Node name in $%s: the Teams Connector needs a hostname of its own", [fqdn, node_fqdns]),
		"fix": "give the Teams Connector its own hostname, e.g. teams-<region>.<your domain>, in its certificate and DNS",
		"related": _fqdn_related,
	}
}

_fqdn_related := [{"file": input.file, "line": input.variables[node_fqdns].line, "message": "the node names"}] if {
	input.variables[node_fqdns].line
} else := []
