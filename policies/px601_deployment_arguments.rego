# METADATA
# title: create_vmss_deployment.ps1 call disagrees with the variables
# description: >-
#   When the script invokes `create_vmss_deployment.ps1`: a parameter is fed
#   from a different variable than the one that feeds it
#   (`-PexipSourceAddressPrefixes $PxMgmtSrcAddrPrefixes`), a literal
#   contradicts the variables (`-VmssName "fabrikamneu"` in the weu script), a
#   mandatory parameter is missing, or a variable the script sets is not passed
#   at all, so its default is deployed. Any `*create_vmss_deployment.ps1` is the
#   call (the vendor's own scripts run `.\newcreate_vmss_deployment.ps1`);
#   parameters of variables declared in `.pxlint.hcl` with `parameter` are
#   checked too. Without a call in the script the rule is not_verified ("no call
#   of create_vmss_deployment.ps1 in this script"): a deploy wrapper that
#   dot-sources the variables file makes the call and is judged with them.
# custom:
#   id: PX601
#   name: deployment-arguments
#   severity: warning
#   prevents: a correct script deploying the wrong thing
#   remediation: >-
#     Pass each parameter from its variable, as the template does
#     (`-PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes`).
#   bad: |-
#     .\create_vmss_deployment.ps1 ... -PexipSourceAddressPrefixes $PxMgmtSrcAddrPrefixes
#   good: |-
#     .\create_vmss_deployment.ps1 ... -PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes
#   needs: [PxSubscriptionId, PxTeamsConnResourceGroupName, PxBaseConnName, PxVmssRegion, PxPfxCertFileName, PxTeamsConnFqdn, PxNodeFqdns, PxTeamsConnInstanceCount, PxTeamsConnStaticResourceGroupName, PxTeamsConnIncidentReporting, PxTeamsConnDiskEncryption, PxMgmtSrcAddrPrefixes, PxNodesSourceAddressPrefixes]
package pxlint.rules.px601

# PX601: when the script invokes create_vmss_deployment.ps1, each parameter
# must be fed from the variable that feeds it (reference/teams-connector.md),
# a literal must agree with the variables, the mandatory parameters must be
# there, and a variable the script sets must not be silently left out.

import data.pxlint.lib.derived
import data.pxlint.lib

# feeds maps each parameter (canonical name) to the variable that feeds it,
# or to the expression built from $PxBaseConnName and $PxVmssRegion, plus
# the parameters of the variables declared in .pxlint.hcl.
feeds := object.union(_builtin_feeds, {v.parameter: {"variable": v.name} |
	some v in input.config.variables
	v.parameter
})

_builtin_feeds := {
	"SubscriptionId": {"variable": "PxSubscriptionId"},
	"ResourceGroupName": {"variable": "PxTeamsConnResourceGroupName"},
	"VmssName": {"derived": "vmss", "text": derived.source("vmss"), "what": "$PxBaseConnName and $PxVmssRegion make"},
	"PfxPath": {"variable": "PxPfxCertFileName"},
	"TeamsConnectorFqdn": {"variable": "PxTeamsConnFqdn"},
	"PexipFqdns": {"variable": "PxNodeFqdns"},
	"instanceCount": {"variable": "PxTeamsConnInstanceCount"},
	"StaticResourcesResourceGroupName": {"variable": "PxTeamsConnStaticResourceGroupName"},
	"PublicIPAddressResourceName": {"derived": "pip", "text": derived.source("public_ip"), "what": "$PxBaseConnName and $PxVmssRegion make"},
	"IncidentReporting": {"variable": "PxTeamsConnIncidentReporting"},
	"Encryption": {"variable": "PxTeamsConnDiskEncryption"},
	"RdpSourceAddressPrefixes": {"variable": "PxMgmtSrcAddrPrefixes"},
	"PexipSourceAddressPrefixes": {"variable": "PxNodesSourceAddressPrefixes"},
}

# mandatory parameters, and the app credentials per profile.
mandatory := {
	"SubscriptionId", "ResourceGroupName", "VmssName", "VMAdminCredential",
	"PfxPath", "TeamsConnectorFqdn", "PexipFqdns",
	"StaticResourcesResourceGroupName", "PublicIPAddressResourceName",
} | _app_credentials

_app_credentials := {"TrustedAppCredential", "GuestAppCredential"} if input.profile == "azurerm"

_app_credentials := {"AppCredential"} if input.profile != "azurerm"

_suggested := {
	"VMAdminCredential": "$PxWinAdminCred",
	"AppCredential": "$PxAppCred",
	"TrustedAppCredential": "$PxTrustedAppCred",
	"GuestAppCredential": "$PxGuestAppCred",
}

_derived_value("vmss") := derived.names.vmss

_derived_value("pip") := derived.names.public_ip

_expected_text(f) := f.text if f.derived

_expected_text(f) := sprintf("$%s", [f.variable]) if f.variable

_norm(x) := [_scalar(e) | some e in x] if is_array(x)

_norm(x) := _scalar(x) if not is_array(x)

_scalar(x) := lower(x) if is_string(x)

_scalar(x) := sprintf("%v", [x]) if not is_string(x)

_show(x) := sprintf("\"%s\"", [x]) if is_string(x)

_show(x) := sprintf("%v", [x]) if not is_string(x)

# _given holds each parameter of a call that a variable feeds, with its
# canonical name (indexed once, so rules do not compare every pair).
_feed_names := {lower(k): k | some k, _ in feeds}

# (Complete rules, not partial sets: OPA then computes each once per query,
# even when it is looked up under `not`.)
_given := {[c, name, p] |
	some c in lib.deployment_calls
	some p in c.parameters
	name := _feed_names[lower(p.name)]
}

# _passed_at maps each call's line to the lower-case names of the
# parameters passed there (of every call on that line), so the rules below
# find what a call leaves out with one set difference rather than a lookup
# per parameter.
_passed_at := {line: {lower(p.name) |
	some c2 in lib.deployment_calls
	c2.line == line
	some p in c2.parameters
} |
	some c in lib.deployment_calls
	line := c.line
}

# _mandatory_names maps each mandatory parameter's lower-case name to it
# (the names differ in more than case).
_mandatory_names := {lower(n): n | some n in mandatory}

# A parameter fed from the wrong variable.
deny contains r if {
	some [_, name, p] in _given
	f := feeds[name]
	f.variable
	v := p.value.variable
	v != f.variable # cheap test first: the usual spelling is the variable's own
	lower(v) != lower(f.variable)
	r := {
		"id": "PX601",
		"line": p.line,
		"msg": sprintf("-%s is given $%s, but $%s feeds it", [name, v, f.variable]),
		"fix": sprintf("-%s $%s", [name, f.variable]),
	}
}

# A literal (or any other value) that contradicts the variables.
deny contains r if {
	some [_, name, p] in _given
	f := feeds[name]
	not _fed_by_other_variable(p, f)
	not p.value.kind in {"unknown", "secret"}
	given := p.value.value
	expected := _expected(f)
	_norm(given) != _norm(expected)
	r := {
		"id": "PX601",
		"line": p.line,
		"msg": sprintf("-%s is %s, but %s %s", [name, _show(given), _source(f), _show(expected)]),
		"fix": sprintf("-%s %s", [name, _expected_text(f)]),
	}
}

_fed_by_other_variable(p, f) if {
	f.variable
	p.value.variable
}

_expected(f) := lib.value(f.variable) if f.variable

_expected(f) := _derived_value(f.derived) if {
	f.derived
	lib.base_ok
	lib.region_ok
}

_source(f) := sprintf("$%s is", [f.variable]) if f.variable

_source(f) := f.what if f.derived

# A mandatory parameter left out. With positional arguments or splatting the
# binding is unknown, so nothing is judged missing.
deny contains r if {
	some c in lib.deployment_calls
	not _positional(c)
	some missing in object.keys(_mandatory_names) - _passed_at[c.line]
	name := _mandatory_names[missing]
	r := {
		"id": "PX601",
		"line": c.line,
		"msg": sprintf("the create_vmss_deployment.ps1 call has no -%s, which it needs", [name]),
		"fix": sprintf("add -%s %s", [name, _feed_text(name)]),
	}
}

# _positional is true when the call has positional arguments or splatting
# (a null or missing list counts as none).
_positional(c) if {
	some _ in c.positional
}

_feed_text(name) := _expected_text(feeds[name])

_feed_text(name) := _suggested[name] if not feeds[name]

# A variable the script sets but whose parameter the call leaves out: the
# deployment uses the script's default instead of the value.
deny contains r if {
	some c in lib.deployment_calls
	not _positional(c)
	some missing in object.keys(_feed_names) - _passed_at[c.line]
	name := _feed_names[missing]
	not name in mandatory
	f := feeds[name]
	lib.assigned(f.variable)
	r := {
		"id": "PX601",
		"line": c.line,
		"msg": sprintf("$%s is set, but the create_vmss_deployment.ps1 call does not pass -%s, so its default is deployed instead", [f.variable, name]),
		"fix": sprintf("add -%s $%s", [name, f.variable]),
	}
}

# Without a call there is nothing to compare the variables with: the rule
# lacks its input, which is not a pass (a wrapper or the vendor's
# newcreate_vmss_deployment.ps1 usually makes the call).
not_verified contains {"id": "PX601", "reason": "no call of create_vmss_deployment.ps1 in this script"} if {
	count(lib.deployment_calls) == 0
}
