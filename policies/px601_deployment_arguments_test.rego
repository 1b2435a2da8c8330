package pxlint.rules.px601_test

import data.pxlint.lib.deployment_fixtures as deployment
import data.pxlint.lib.deployment_fixtures.doc
import data.pxlint.lib.deployment_fixtures.drop
import data.pxlint.lib.deployment_fixtures.good_params
import data.pxlint.lib.deployment_fixtures.lit
import data.pxlint.lib.deployment_fixtures.replace
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
