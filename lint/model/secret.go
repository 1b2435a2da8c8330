package model

import "unicode"

// IsSecretName reports whether a variable or parameter name holds a secret:
// any name containing "Password" or "Secret", case-insensitively (DESIGN,
// "Secrets never travel"). Such values are described, never stored.
func IsSecretName(name string) bool {
	return containsFold(name, "password") || containsFold(name, "secret")
}

// containsFold reports whether s contains the lower-case ASCII word w,
// ignoring ASCII case, without allocating.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for ; j < len(w); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[j] {
				break
			}
		}
		if j == len(w) {
			return true
		}
	}
	return false
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
