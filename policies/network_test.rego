package pxlint.rules.network_test

import data.pxlint.lib.network_fixtures as network
import data.pxlint.lib.network_fixtures.clean
import data.pxlint.lib.network_fixtures.q
import data.pxlint.lib.network_fixtures.with_nodes

test_clean_lists_pass if {
	count(network.deny) == 0 with input as clean
}

test_single_quoted_expansion_is_px003s if {
	el := {"kind": "quoted", "quote": "single", "value": "$($PxBaseConnName)", "text": "'$($PxBaseConnName)'", "line": 5}
	count(network.deny) == 0 with input as with_nodes([el, q("85.10.200.0/28", 6)])
}
