package model

import (
	"unicode"

	"github.com/pxlint/pxlint/lint/ps"
)

// IsSecretName reports whether a variable or parameter name holds a secret
// (DESIGN, "Secrets never travel"): ps.IsSecretName, the one test, which the
// parser needs too. Such values are described, never stored, and reach
// policies as kind "secret", so Rego and CUE never test names themselves.
func IsSecretName(name string) bool { return ps.IsSecretName(name) }

// describeSecret returns the shape of a literal secret: its length in
// characters and which character classes it uses (Azure wants 3 of 4).
func describeSecret(s string) *Secret {
	d := &Secret{Literal: true}
	for _, r := range s {
		d.Length++
		switch {
		case unicode.IsUpper(r):
			d.Upper = true
		case unicode.IsLower(r):
			d.Lower = true
		case unicode.IsDigit(r):
			d.Digit = true
		default:
			d.Symbol = true
		}
	}
	return d
}
