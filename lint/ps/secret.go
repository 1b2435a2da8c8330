package ps

// IsSecretName reports whether a variable or parameter name holds a secret:
// any name containing "Password" or "Secret", case-insensitively (DESIGN,
// "Secrets never travel"). It is the one such test: the parser withholds
// such a variable's text from its messages, the model describes such values
// instead of storing them (model.IsSecretName), and policies see them only
// as kind "secret".
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
