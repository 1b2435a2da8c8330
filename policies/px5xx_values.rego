# METADATA
# title: values (required variables, node names, instance count, secrets)
# description: |
#   PX501, PX502 for the Conferencing Node names (the Teams Connector FQDN's
#   shape is CUE's), PX503, PX505's warning (the whole-number error is CUE's),
#   and PX506.
# custom:
#   id: [PX501, PX502, PX503, PX505, PX506]
package pxlint.rules.values

import data.pxlint.lib
import data.pxlint.lib.values._names
import data.pxlint.lib.values._parts
import data.pxlint.lib.values.node_fqdns

# ---------------------------------------------------------------------------
# PX501 required-variable: missing (file-level) or empty (at the assignment).

_template := {
	"PxTeamsConnResourceGroupName": "\"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG\"",
	"PxTeamsConnStaticResourceGroupName": "\"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG\"",
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
# PX502 fqdn, node-name part.

_label := `[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?`

_label_re := sprintf(`^%s$`, [_label])

# The same shape as #Fqdn in schemas/variables.cue, which judges
# $PxTeamsConnFqdn: at least two labels, no trailing dot, a top-level label
# that starts with a letter (so no IP address).
_dns_re := sprintf(`^(%s\.)+[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?$`, [_label])

_dns_name(n) if {
	regex.match(_dns_re, n)
	count(n) <= 253
	every l in split(n, ".") {
		count(l) <= 63
	}
}

deny contains r if {
	some n in {x | some x in _names}
	not _dns_name(n)
	r := object.union(
		{
			"id": "PX502",
			"variable": node_fqdns,
			"msg": sprintf("\"%s\" in $%s is not a DNS name: %s", [n, node_fqdns, _fqdn_problem(n)]),
		},
		_fqdn_fix(n),
	)
}

_fqdn_problem(n) := "remove the scheme (https://...)" if {
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://`, n)
} else := "remove the path after the name" if {
	contains(n, "/")
} else := "remove the port" if {
	regex.match(`:[0-9]*$`, n)
} else := "it is an IP address; use the node's DNS name" if {
	lib.is_ipv4(n)
} else := "underscores are not allowed in host names" if {
	contains(n, "_")
} else := "it contains spaces" if {
	regex.match(`\s`, n)
} else := "remove the trailing dot" if {
	endswith(n, ".")
} else := "it is a single label; write the fully qualified name (node.example.com)" if {
	not contains(n, ".")
} else := sprintf("it is %d characters, at most 253 are allowed", [count(n)]) if {
	count(n) > 253
} else := "a label is over 63 characters" if {
	some l in split(n, ".")
	count(l) > 63
} else := "a label is empty or starts or ends with a hyphen" if {
	some l in split(trim_right(n, "."), ".")
	not regex.match(_label_re, l)
	regex.match(`^[A-Za-z0-9.-]*$`, n)
} else := "only letters, digits, hyphens and dots are allowed"

# A fix is mechanical when stripping a scheme, path or port leaves a DNS name.
_fqdn_fix(n) := {"fix": sprintf("$%s = \"%s\"", [node_fqdns, concat(",", [_replace_name(x, n, clean) | some x in _names])])} if {
	clean := _strip(n)
	clean != n
	_dns_name(clean)
} else := {}

_replace_name(x, n, clean) := clean if x == n

_replace_name(x, n, _) := x if x != n

_strip(n) := s if {
	no_scheme := regex.replace(n, `^[A-Za-z][A-Za-z0-9+.-]*://`, "")
	no_path := split(no_scheme, "/")[0]
	s := regex.replace(no_path, `:[0-9]*$`, "")
}

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
