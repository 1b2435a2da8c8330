package model

import (
	"strings"
	"unicode"
)

// IsSecretName reports whether a variable or parameter name holds a secret:
// any name containing "Password" or "Secret", case-insensitively (DESIGN,
// "Secrets never travel"). Such values are described, never stored.
func IsSecretName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "password") || strings.Contains(n, "secret")
}

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
