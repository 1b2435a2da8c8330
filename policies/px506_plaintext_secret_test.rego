package pxlint.rules.px506_test

import data.pxlint.lib.values_fixtures.only
import data.pxlint.lib.values_fixtures.set
import data.pxlint.lib.values_fixtures as values
import data.pxlint.lib.values_fixtures.secret

test_px506_error_in_git if {
	only("PX506", values.deny) == {{
		"id": "PX506", "severity": "error", "variable": "PxWinAdminPassword",
		"msg": "$PxWinAdminPassword holds a literal secret (14 characters) in a file inside a git work tree: it is about to be committed, or already was; remove it and rotate it",
		"fix": "delete this line and prompt instead: $PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser",
	}} with input as set("PxWinAdminPassword", secret)
}

test_px506_warning_outside_git if {
	doc := json.patch(set("PxAppPassword", secret), [{"op": "replace", "path": "/context/in_git_work_tree", "value": false}])
	some f in values.deny with input as doc
	f.id == "PX506"
	f.severity == "warning"
}

test_px506_prompted_or_empty_passes if {
	count(only("PX506", values.deny)) == 0 with input as set("PxWinAdminPassword", {"kind": "secret", "secret": {"literal": false, "length": 0}})
	count(only("PX506", values.deny)) == 0 with input as set("PxWinAdminPassword", {"kind": "secret", "secret": {"literal": true, "length": 0}})
}
