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

# _feeds maps each fed parameter's lower-case name to its canonical name
# and the variable that feeds it, or the derived name that
# $PxBaseConnName and $PxVmssRegion make, plus the parameters of the
# variables declared in .pxlint.hcl. Keyed by the lower-case name because
# parameters bind case-insensitively: a call's parameter is then one
# lookup, and the tables are literals rather than comprehensions that every
# script would rebuild.
_feeds := object.union(_builtin_feeds, {lower(v.parameter): {"name": v.parameter, "variable": v.name} |
	some v in input.config.variables
	v.parameter
})

_builtin_feeds := {
	"subscriptionid": {"name": "SubscriptionId", "variable": "PxSubscriptionId"},
	"resourcegroupname": {"name": "ResourceGroupName", "variable": "PxTeamsConnResourceGroupName"},
	"vmssname": {"name": "VmssName", "derived": "vmss"},
	"pfxpath": {"name": "PfxPath", "variable": "PxPfxCertFileName"},
	"teamsconnectorfqdn": {"name": "TeamsConnectorFqdn", "variable": "PxTeamsConnFqdn"},
	"pexipfqdns": {"name": "PexipFqdns", "variable": "PxNodeFqdns"},
	"instancecount": {"name": "instanceCount", "variable": "PxTeamsConnInstanceCount"},
	"staticresourcesresourcegroupname": {"name": "StaticResourcesResourceGroupName", "variable": "PxTeamsConnStaticResourceGroupName"},
	"publicipaddressresourcename": {"name": "PublicIPAddressResourceName", "derived": "public_ip"},
	"incidentreporting": {"name": "IncidentReporting", "variable": "PxTeamsConnIncidentReporting"},
	"encryption": {"name": "Encryption", "variable": "PxTeamsConnDiskEncryption"},
	"rdpsourceaddressprefixes": {"name": "RdpSourceAddressPrefixes", "variable": "PxMgmtSrcAddrPrefixes"},
	"pexipsourceaddressprefixes": {"name": "PexipSourceAddressPrefixes", "variable": "PxNodesSourceAddressPrefixes"},
}

# _mandatory maps the mandatory parameters' lower-case names to their
# canonical names, with the app credentials per profile.
_mandatory := object.union({
	"subscriptionid": "SubscriptionId",
	"resourcegroupname": "ResourceGroupName",
	"vmssname": "VmssName",
	"vmadmincredential": "VMAdminCredential",
	"pfxpath": "PfxPath",
	"teamsconnectorfqdn": "TeamsConnectorFqdn",
	"pexipfqdns": "PexipFqdns",
	"staticresourcesresourcegroupname": "StaticResourcesResourceGroupName",
	"publicipaddressresourcename": "PublicIPAddressResourceName",
}, _app_credentials)

_app_credentials := {"trustedappcredential": "TrustedAppCredential", "guestappcredential": "GuestAppCredential"} if input.profile == "azurerm"

_app_credentials := {"appcredential": "AppCredential"} if input.profile != "azurerm"

_suggested := {
	"VMAdminCredential": "$PxWinAdminCred",
	"AppCredential": "$PxAppCred",
	"TrustedAppCredential": "$PxTrustedAppCred",
	"GuestAppCredential": "$PxGuestAppCred",
}

_derived_what := "$PxBaseConnName and $PxVmssRegion make"

_expected_text(f) := derived.source(f.derived) if f.derived

_expected_text(f) := sprintf("$%s", [f.variable]) if f.variable

_norm(x) := [_scalar(e) | some e in x] if is_array(x)

else := _scalar(x)

_scalar(x) := lower(x) if is_string(x)

else := sprintf("%v", [x])

_show(x) := sprintf("\"%s\"", [x]) if is_string(x)

else := sprintf("%v", [x])

# _named holds each call with its parameters' lower-case names, lowered once
# for both uses below. (Complete rules, not partial sets: OPA then computes
# each once per query, even when it is looked up under `not`.)
_named := [[c.line, [[lower(p.name), p] | some p in c.parameters]] |
	some c in lib.deployment_calls
]

# _suspect holds each fed parameter, with its feed, that is not simply
# given its own variable, as the template writes it: only those can
# contradict the variables, so the rules below judge a handful of
# parameters, not all of them. A derived feed, which no variable feeds, is
# always judged.
_suspect := [[f, p] |
	some [_, params] in _named
	some [n, p] in params
	f := _feeds[n]
	not f.variable == p.value.variable
]

# _passed_at maps each call's line to the lower-case names of the
# parameters passed there (of every call on that line), so the rules below
# find what a call leaves out with one set difference rather than a lookup
# per parameter.
_passed_at := {line: {n | some [l, params] in _named; l == line; some [n, _] in params} |
	some [line, _] in _named
}

# A parameter fed from the wrong variable.
deny contains r if {
	some [f, p] in _suspect
	v := p.value.variable
	lower(v) != lower(f.variable)
	r := {
		"id": "PX601",
		"line": p.line,
		"msg": sprintf("-%s is given $%s, but $%s feeds it", [f.name, v, f.variable]),
		"fix": sprintf("-%s $%s", [f.name, f.variable]),
	}
}

# A literal (or any other value) that contradicts the variables.
deny contains r if {
	some [f, p] in _suspect
	not _fed_by_other_variable(p, f)
	not p.value.kind in {"unknown", "secret"}
	given := p.value.value
	expected := _expected(f)
	_norm(given) != _norm(expected)
	r := {
		"id": "PX601",
		"line": p.line,
		"msg": sprintf("-%s is %s, but %s %s", [f.name, _show(given), _source(f), _show(expected)]),
		"fix": sprintf("-%s %s", [f.name, _expected_text(f)]),
	}
}

_fed_by_other_variable(p, f) if {
	f.variable
	p.value.variable
}

_expected(f) := lib.value(f.variable) if f.variable

_expected(f) := derived.names[f.derived] if {
	f.derived
	lib.base_ok
	lib.region_ok
}

_source(f) := sprintf("$%s is", [f.variable]) if f.variable

_source(f) := _derived_what if f.derived

# A mandatory parameter left out. With positional arguments or splatting the
# binding is unknown, so nothing is judged missing.
deny contains r if {
	some c in lib.deployment_calls
	not _positional(c)
	some missing in object.keys(_mandatory) - _passed_at[c.line]
	name := _mandatory[missing]
	r := {
		"id": "PX601",
		"line": c.line,
		"msg": sprintf("the create_vmss_deployment.ps1 call has no -%s, which it needs", [name]),
		"fix": sprintf("add -%s %s", [name, _feed_text(missing, name)]),
	}
}

# _positional is true when the call has positional arguments or splatting
# (a null or missing list counts as none).
_positional(c) if {
	some _ in c.positional
}

_feed_text(key, _) := _expected_text(_feeds[key])

_feed_text(key, name) := _suggested[name] if not _feeds[key]

# A variable the script sets but whose parameter the call leaves out: the
# deployment uses the script's default instead of the value.
deny contains r if {
	some c in lib.deployment_calls
	not _positional(c)
	some missing in object.keys(_feeds) - _passed_at[c.line]
	not _mandatory[missing]
	f := _feeds[missing]
	lib.assigned(f.variable)
	r := {
		"id": "PX601",
		"line": c.line,
		"msg": sprintf("$%s is set, but the create_vmss_deployment.ps1 call does not pass -%s, so its default is deployed instead", [f.variable, f.name]),
		"fix": sprintf("add -%s $%s", [f.name, f.variable]),
	}
}

# Without a call there is nothing to compare the variables with: the rule
# lacks its input, which is not a pass (a wrapper or the vendor's
# newcreate_vmss_deployment.ps1 usually makes the call).
not_verified contains {"id": "PX601", "reason": "no call of create_vmss_deployment.ps1 in this script"} if {
	count(lib.deployment_calls) == 0
}
