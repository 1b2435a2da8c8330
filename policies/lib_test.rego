package pxlint.lib_test

import data.pxlint.lib
import data.pxlint.lib.profile_fixtures

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

test_str_skips_blank if {
	not lib.str("PxBaseConnName") with input as {"variables": {"PxBaseConnName": {"kind": "string", "value": "  "}}}
	lib.str("PxBaseConnName") == "x" with input as {"variables": {"PxBaseConnName": {"kind": "string", "value": "x"}}}
}

test_ipv4_shapes if {
	lib.is_ipv4("80.213.4.17")
	not lib.is_ipv4("10.0.0.300")
	not lib.is_ipv4("010.0.0.1")
	lib.is_cidr("91.90.42.64/26")
	not lib.is_cidr("10.0.0.0/33")
	not lib.is_cidr("10.0.0/0/16")
	not lib.is_cidr("10.0.0.0/")
	not lib.is_address(" 10.0.0.1")
	lib.looks_like_address("10.0.0.300")
	not lib.looks_like_address("v1.2.3.4")
}

test_network_and_host_bits if {
	lib.host_bits_set("91.90.42.96/26")
	not lib.host_bits_set("91.90.42.64/26")
	not lib.host_bits_set("80.213.4.17")
	lib.network("91.90.42.96/26") == "91.90.42.64/26"
	lib.network("255.255.255.255/1") == "128.0.0.0/1"
	lib.natural_len("91.90.42.96") == 27
	lib.natural_len("0.0.0.0") == 0
	lib.natural_len("80.213.4.17") == 32
}

test_entries_skip_bare_unknown_and_appended if {
	vars := {"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [
		{"kind": "quoted", "value": "1.2.3.4", "text": "\"1.2.3.4\""},
		{"kind": "bare", "value": null, "text": "5.6.7.8"},
		{"kind": "unknown", "text": "$x"},
		{"kind": "quoted", "value": "9.9.9.0/24", "text": "\"9.9.9.0/24\"", "from": "PxMgmtSrcAddrPrefixes"},
	]}}
	lib.entries("PxNodesSourceAddressPrefixes") == {{"value": "1.2.3.4", "element": 0}} with input as {"variables": vars}
	count(lib.all_entries("PxNodesSourceAddressPrefixes")) == 2 with input as {"variables": vars}
}

test_entries_of_one_string if {
	lib.entries("PxMgmtSrcAddrPrefixes") == {{"value": "1.2.3.0/24"}} with input as {"variables": {"PxMgmtSrcAddrPrefixes": {"kind": "string", "value": "1.2.3.0/24"}}}
}

test_base_and_region_ok if {
	lib.base_ok with input as {"variables": {"PxBaseConnName": {"kind": "string", "value": "Fabrikam"}}}
	not lib.base_ok with input as {"variables": {"PxBaseConnName": {"kind": "string", "value": "fabrikam-corp"}}}
	not lib.region_ok with input as {"variables": {"PxVmssRegion": {"kind": "string", "value": "WEU"}}}
}

test_deployment_param if {
	cmds := [{"name": "create_vmss_deployment.ps1", "parameters": [{"name": "PfxPath"}]}, {"name": "Get-Credential", "parameters": []}]
	count(lib.deployment_calls) == 1 with input as {"commands": cmds}
	some c in lib.deployment_calls with input as {"commands": cmds}
	lib.param(c, "pfxpath").name == "PfxPath"
}

test_typed_options_ignore_wrong_types if {
	lib.number_option("PX105", "min_prefix_length", 16) == 16 with input as {"config": {"rules": {"PX105": {"min_prefix_length": "20"}}}}
	lib.number_option("PX105", "min_prefix_length", 16) == 20 with input as {"config": {"rules": {"PX105": {"min_prefix_length": 20}}}}
	lib.strings_option("PX208", "generic_names", ["a"]) == ["a"] with input as {"config": {"rules": {"PX208": {"generic_names": [1]}}}}
	lib.strings_option("PX208", "generic_names", ["a"]) == ["b("] with input as {"config": {"rules": {"PX208": {"generic_names": ["b("]}}}}
}

test_admin_credential_otherwise_from_call if {
	cmds := [{"name": "create_vmss_deployment.ps1", "parameters": [{"name": "VMAdminCredential", "value": {"kind": "unknown", "text": "(Get-Credential)"}}]}]
	lib.admin_credential_otherwise with input as {"variables": {}, "commands": cmds}
	not "PxWinAdminUser" in lib.required with input as {"variables": {}, "commands": cmds, "profile_data": profile_fixtures.az}
	"PxWinAdminUser" in lib.required with input as {"variables": {}, "commands": [], "profile_data": profile_fixtures.az}
}

test_str_skips_unexpanded if {
	not lib.str("PxNodeFqdns") with input as {"variables": {"PxNodeFqdns": {"kind": "string", "quote": "single", "value": "$($n1),$($n2)"}}}
	lib.str("PxNodeFqdns") == "$5" with input as {"variables": {"PxNodeFqdns": {"kind": "string", "quote": "single", "value": "$5"}}}
}

# A bare element that is no address (`5`, `10.0`) reaches Azure as its text,
# so it is an entry (PX101 judges it); a bare address stays PX002's.
test_entries_keep_bare_non_address_as_text if {
	vars := {"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [
		{"kind": "bare", "value": 5, "text": "5"},
		{"kind": "bare", "value": null, "text": "10.0.0.1"},
	]}}
	lib.entries("PxNodesSourceAddressPrefixes") == {{"value": "5", "element": 0}} with input as {"variables": vars}
}

# host_bits_set asks net.cidr_merge for a prefix's network; network works it
# out by arithmetic: the two agree on every length of addresses at the edges
# of the octets, and neither holds for an address alone or a malformed one.
test_host_bits_set_agrees_with_network if {
	every ip in ["0.0.0.0", "255.255.255.255", "91.90.42.96", "10.0.0.1", "128.0.0.0", "172.16.5.4", "1.2.3.4"] {
		every l in numbers.range(0, 32) {
			s := sprintf("%s/%d", [ip, l])
			_host_bits(s) == (lib.network(s) != s)
		}
		not lib.host_bits_set(ip)
	}
	not lib.host_bits_set("10.0.0.1/33")
	not lib.host_bits_set("10.0.0.1/")
	not lib.host_bits_set("10.0.0.256/8")
	not lib.host_bits_set("fe80::1/64")
}

_host_bits(s) if lib.host_bits_set(s)

else := false

# address_facts works out once per entry value what the functions answer
# per call: the two agree on addresses, prefixes with and without host
# bits, and broken shapes, for own and appended entries alike.
test_address_facts_agree_with_functions if {
	values := [
		"80.213.4.17", "91.90.42.64/26", "91.90.42.96/26", "0.0.0.0/0", "255.255.255.255/32",
		"10.0.0.300", "10.0.0.0/33", "10.0.0.0/", "10.0.0/0/16", "010.0.0.1", " 10.0.0.1", "", "  ", "5",
	]
	vars := {
		"PxNodesSourceAddressPrefixes": {"kind": "array", "elements": [{"kind": "quoted", "value": v, "text": v} | some v in values]},
		"PxMgmtSrcAddrPrefixes": {"kind": "string", "value": "1.2.3.0/24"},
	}
	every v in array.concat(values, ["1.2.3.0/24"]) {
		f := lib.address_facts[v] with input as {"variables": vars}
		f.address == _is_address(v)
		f.good == _good_prefix(v)
		f.host_bits == _host_bits(v)
		_cidr_agrees(f, v)
	}
}

_is_address(v) if lib.is_address(v)

else := false

_good_prefix(v) if lib.good_prefix(v)

else := false

_cidr_agrees(f, v) if {
	f.address
	f.cidr == lib.cidr(v)
	f.len == lib.prefix(v).len
}

_cidr_agrees(f, _) if not f.address
