package config

import _ "embed"

//go:embed starter.hcl
var starter []byte

// Starter returns the commented starter config that `pxlint init` writes.
// It loads cleanly (tested) and governs nothing surprising: it only sets the
// default fail_on and excludes testdata folders.
func Starter() []byte {
	return append([]byte(nil), starter...)
}
