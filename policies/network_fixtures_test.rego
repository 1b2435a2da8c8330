# METADATA
# title: shared fixtures for the tests of the rules split from policies/px1xx_network.rego
package pxlint.lib.network_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px101.deny | data.pxlint.rules.px102.deny | data.pxlint.rules.px103.deny | data.pxlint.rules.px104.deny | data.pxlint.rules.px105.deny | data.pxlint.rules.px106.deny | data.pxlint.rules.px107.deny | data.pxlint.rules.px108.deny

only(id, findings) := {f | some f in findings; f.id == id}

q(v, line) := {"kind": "quoted", "quote": "double", "value": v, "text": sprintf("\"%s\"", [v]), "line": line}

arr(els) := {"kind": "array", "value": [e.value | some e in els], "elements": els}

with_nodes(els) := {"variables": {
	"PxNodesSourceAddressPrefixes": arr(els),
	"PxMgmtSrcAddrPrefixes": arr([q("85.10.200.0/28", 3)]),
}}

clean := with_nodes([q("80.213.4.17", 5), q("31.45.128.0/27", 6), object.union(q("85.10.200.0/28", 3), {"from": "PxMgmtSrcAddrPrefixes"})])

# --- PX108 ---

for_list(mgmt) := {"variables": {
	"PxNodesSourceAddressPrefixes": arr([q("80.213.4.17", 5)]),
	"PxMgmtSrcAddrPrefixes": arr(mgmt),
}}
