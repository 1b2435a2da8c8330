# METADATA
# title: shared fixtures for the PX3xx policy tests
package pxlint.lib.cert_fixtures

# leaf is a readable RSA 2048 certificate for teams.example.com, valid
# 2026-01-01 to 2027-01-01, chained to a trusted root.
leaf := {
	"subject": "CN=teams.example.com",
	"issuer": "CN=Example Issuing CA",
	"serial": "1",
	"fingerprint": "aa11",
	"thumbprint": "AB12",
	"dns_names": ["teams.example.com"],
	"common_name": "teams.example.com",
	"not_before": "2026-01-01T00:00:00Z",
	"not_after": "2027-01-01T00:00:00Z",
	"ekus": ["serverAuth", "clientAuth"],
	"signature_algorithm": "SHA256-RSA",
	"self_signed": false,
	"is_ca": false,
	"aia_issuers": [],
}

chain := {
	"built": true,
	"path": [
		{"subject": "CN=teams.example.com", "fingerprint": "aa11", "not_before": "2026-01-01T00:00:00Z", "not_after": "2027-01-01T00:00:00Z", "in_file": true},
		{"subject": "CN=Example Issuing CA", "fingerprint": "bb22", "not_before": "2020-01-01T00:00:00Z", "not_after": "2030-01-01T00:00:00Z", "in_file": true},
		{"subject": "CN=Example Root", "fingerprint": "cc33", "not_before": "2010-01-01T00:00:00Z", "not_after": "2040-01-01T00:00:00Z", "in_file": false},
	],
	"trusted_root": "CN=Example Root",
}

facts := {
	"path": "teams.pfx",
	"source": "script",
	"format": "pfx",
	"status": "read",
	"password_given": true,
	"providers": [{"bag": 0, "name": "Microsoft Enhanced RSA and AES Cryptographic Provider", "kind": "csp"}],
	"key": {"algorithm": "RSA", "bits": 2048},
	"leaf": leaf,
	"chain_in_file": [],
	"chain": chain,
	"aia": {"checked": false, "urls": [], "redirects": []},
}

node_facts := object.union(facts, {
	"path": "node.pem",
	"source": "flag",
	"format": "pem",
	"providers": [],
	"leaf": object.union(leaf, {"dns_names": ["*.nodes.example.com"], "fingerprint": "dd44"}),
})

variables := {
	"PxTeamsConnFqdn": {"kind": "string", "value": "teams.example.com"},
	"PxNodeFqdns": {"kind": "string", "value": "a.nodes.example.com, b.nodes.example.com"},
	"PxPfxCertFileName": {"kind": "string", "value": "teams.pfx"},
}

# input builds a policy input from teams facts (or null) and node facts.
input_with(t, nodes) := {
	"variables": variables,
	"certificates": {"teams_connector": t, "nodes": nodes},
	"context": {"now": "2026-06-01T00:00:00Z"},
	"config": {"expiry_days": 30, "rules": {}},
}

good := input_with(facts, [node_facts])

# with_teams replaces fields of the teams facts.
with_teams(patch) := input_with(object.union(facts, patch), [node_facts])

with_leaf(patch) := with_teams({"leaf": object.union(leaf, patch)})

ids(set) := {r.id | some r in set}
