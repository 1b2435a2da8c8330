# METADATA
# title: shared fixtures for the tests of the rules split from policies/cert_file.rego
package pxlint.lib.cert_file_fixtures

# The rules the family file held, as one package for the tests written
# against it.
deny := data.pxlint.rules.px310.deny

not_verified := data.pxlint.rules.px310.not_verified

