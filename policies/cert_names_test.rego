package pxlint.rules.cert_names_test

import data.pxlint.lib.cert
import data.pxlint.lib.cert_fixtures as fx
import data.pxlint.lib.cert_names_fixtures as cert_names

test_good_passes if {
	count(cert_names.deny) == 0 with input as fx.good
	count(cert_names.not_verified) == 0 with input as fx.good
}

# wildcard edge cases

test_wildcard_covers_one_label if {
	cert.covers("*.example.com", "a.example.com")
	cert.covers("*.Example.COM", "A.example.com")
	cert.covers("teams.example.com", "TEAMS.example.com.")
	not cert.covers("*.example.com", "example.com")
	not cert.covers("*.example.com", "a.b.example.com")
	not cert.covers("*.example.com", ".example.com")
	not cert.covers("a.example.com", "b.example.com")
}
