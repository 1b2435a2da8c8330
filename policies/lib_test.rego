package pxlint.lib_test

import data.pxlint.lib

test_value_known if {
	lib.value("PxBaseConnName") == "pexample" with input as {"variables": {"PxBaseConnName": {"kind": "string", "value": "pexample"}}}
}

test_value_unknown_is_undefined if {
	not lib.value("PxBaseConnName") with input as {"variables": {"PxBaseConnName": {"kind": "unknown", "reason": "Read-Host"}}}
}

test_option_default if {
	lib.option("PX105", "min_prefix_length", 16) == 16 with input as {"config": {"rules": {}}}
}

test_option_configured if {
	lib.option("PX105", "min_prefix_length", 16) == 20 with input as {"config": {"rules": {"PX105": {"min_prefix_length": 20}}}}
}
