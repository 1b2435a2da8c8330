package pxlint.rules.px601_test

import data.pxlint.lib.deployment_fixtures as deployment
import data.pxlint.lib.deployment_fixtures.a
import data.pxlint.lib.deployment_fixtures.doc
import data.pxlint.lib.deployment_fixtures.drop
import data.pxlint.lib.deployment_fixtures.good_params
import data.pxlint.lib.deployment_fixtures.lit
import data.pxlint.lib.deployment_fixtures.p
import data.pxlint.lib.deployment_fixtures.replace
import data.pxlint.lib.deployment_fixtures.s
import data.pxlint.lib.deployment_fixtures.vars

test_no_call_is_not_verified if {
	count(deployment.deny) == 0 with input as {"profile": "az", "variables": vars, "commands": []}
	deployment.not_verified == {{"id": "PX601", "reason": "no call of create_vmss_deployment.ps1 in this script"}} with input as {"profile": "az", "variables": vars, "commands": []}
	count(deployment.not_verified) == 0 with input as doc(good_params)
}

test_wrong_variable if {
	params := replace(good_params, "PexipSourceAddressPrefixes", {"kind": "array", "value": ["85.10.200.0/28"], "variable": "PxMgmtSrcAddrPrefixes"})
	deployment.deny == {{
		"id": "PX601", "line": 51,
		"msg": "-PexipSourceAddressPrefixes is given $PxMgmtSrcAddrPrefixes, but $PxNodesSourceAddressPrefixes feeds it",
		"fix": "-PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes",
	}} with input as doc(params)
}

test_contradicting_literal if {
	params := replace(good_params, "VmssName", lit("fabrikamneu"))
	deployment.deny == {{
		"id": "PX601", "line": 42,
		"msg": "-VmssName is \"fabrikamneu\", but $PxBaseConnName and $PxVmssRegion make \"fabrikamweu\"",
		"fix": "-VmssName \"$($PxBaseConnName)$($PxVmssRegion)\"",
	}} with input as doc(params)
}

test_missing_mandatory if {
	deployment.deny == {{
		"id": "PX601", "line": 39,
		"msg": "the create_vmss_deployment.ps1 call has no -PfxPath, which it needs",
		"fix": "add -PfxPath $PxPfxCertFileName",
	}} with input as doc(drop(good_params, "PfxPath"))
}

test_good_call_passes if {
	count(deployment.deny) == 0 with input as doc(good_params)
}

test_literal_agreeing_passes if {
	params := replace(good_params, "TeamsConnectorFqdn", lit("Teams-WEU.fabrikam.net"))
	count(deployment.deny) == 0 with input as doc(params)
}

test_literal_count_contradicts if {
	params := replace(good_params, "instanceCount", {"kind": "number", "value": 3, "text": "3"})
	some f in deployment.deny with input as doc(params)
	f.msg == "-instanceCount is 3, but $PxTeamsConnInstanceCount is \"2\""
}

test_missing_app_credentials_per_profile if {
	d := object.union(doc(good_params), {"profile": "azurerm"})
	{f.msg | some f in deployment.deny with input as d} == {
		"the create_vmss_deployment.ps1 call has no -TrustedAppCredential, which it needs",
		"the create_vmss_deployment.ps1 call has no -GuestAppCredential, which it needs",
	}
}

test_variable_not_passed if {
	some f in deployment.deny with input as doc(drop(good_params, "instanceCount"))
	f.msg == "$PxTeamsConnInstanceCount is set, but the create_vmss_deployment.ps1 call does not pass -instanceCount, so its default is deployed instead"
}

test_positional_arguments_skip_missing if {
	d := json.patch(doc(drop(good_params, "PfxPath")), [{"op": "replace", "path": "/commands/1/positional", "value": [{"kind": "unknown", "text": "@splat"}]}])
	count(deployment.deny) == 0 with input as d
}

test_null_positional_is_none if {
	d := json.patch(doc(drop(good_params, "PfxPath")), [{"op": "replace", "path": "/commands/1/positional", "value": null}])
	count(deployment.deny) == 1 with input as d
}

# A variable declared in .pxlint.hcl with a parameter is checked like the built-in ones.
test_declared_variable_parameter if {
	declared := {"config": {"variables": [{"name": "PxVmSize", "type": "string", "required": false, "parameter": "VmSize"}]}}
	with_var := object.union(doc(good_params), {"variables": object.union(vars, {"PxVmSize": s("Standard_D4s_v5")})})
	some r in deployment.deny with input as object.union(with_var, declared)
	r.msg == "$PxVmSize is set, but the create_vmss_deployment.ps1 call does not pass -VmSize, so its default is deployed instead"
	passed := object.union(with_var, {"commands": [object.union(doc(good_params).commands[0], {"parameters": array.concat(good_params, [p("VmSize", a("PxVmSize", "Standard_D4s_v5"), 55)])})]})
	count(deployment.deny) == 0 with input as object.union(passed, declared)
}

# What a call leaves out is a set difference of lower-case names per call
# line: a parameter written in another case is passed, and each of two calls
# is judged on its own parameters.
test_missing_judged_per_call_case_insensitively if {
	lower_pfx := [object.union(x, {"name": "pfxpath"}) | some x in good_params; x.name == "PfxPath"]
	lowered := array.concat(drop(good_params, "PfxPath"), lower_pfx)
	count(deployment.deny) == 0 with input as doc(lowered)
	two := json.patch(doc(good_params), [{"op": "add", "path": "/commands/-", "value": {
		"name": "create_vmss_deployment.ps1", "line": 60, "positional": [],
		"parameters": drop(drop(good_params, "PfxPath"), "instanceCount"),
	}}])
	{[f.line, f.msg] | some f in deployment.deny with input as two} == {
		[60, "the create_vmss_deployment.ps1 call has no -PfxPath, which it needs"],
		[60, "$PxTeamsConnInstanceCount is set, but the create_vmss_deployment.ps1 call does not pass -instanceCount, so its default is deployed instead"],
	}
}

# Only a parameter not given its own variable is judged: one given its
# variable in another case passes, a derived one given a variable is
# compared by value, and a declared parameter is matched case-insensitively.
test_only_parameters_not_given_their_variable_are_judged if {
	other_case := replace(good_params, "PfxPath", a("pxpfxcertfilename", "teams.pfx"))
	count(deployment.deny) == 0 with input as doc(other_case)
	vmss_var := replace(good_params, "VmssName", a("PxVmssName", "fabrikamneu"))
	{f.msg | some f in deployment.deny with input as doc(vmss_var)} == {"-VmssName is \"fabrikamneu\", but $PxBaseConnName and $PxVmssRegion make \"fabrikamweu\""}
	declared := {"config": {"variables": [{"name": "PxVmSize", "parameter": "VmSize"}]}}
	with_var := object.union(doc(good_params), {"variables": object.union(vars, {"PxVmSize": s("Standard_D4s_v5")})})
	wrong := object.union(with_var, {"commands": [object.union(doc(good_params).commands[1], {"parameters": array.concat(good_params, [p("vmsize", a("PxOther", "x"), 55)])})]})
	{f.msg | some f in deployment.deny with input as object.union(wrong, declared)} == {"-VmSize is given $PxOther, but $PxVmSize feeds it"}
}
