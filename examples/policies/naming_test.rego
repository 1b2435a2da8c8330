package acme.naming_test

import data.acme.naming

test_acme_name_passes if {
	count(naming.deny) == 0 with input as {"variables": {"PxBaseConnName": {"kind": "string", "value": "acmeweu"}}}
}

test_other_name_fails if {
	some r in naming.deny with input as {"variables": {"PxBaseConnName": {"kind": "string", "value": "fabrikam"}}}
	r.variable == "PxBaseConnName"
	r.fix == "$PxBaseConnName = \"acmefabri\""
}
