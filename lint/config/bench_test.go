package config

import (
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint/rules"
)

// BenchmarkLoadExample measures loading the full example config (every
// feature), what each run pays once per config file.
func BenchmarkLoadExample(b *testing.B) {
	path, err := filepath.Abs("../../examples/config/.pxlint.hcl")
	if err != nil {
		b.Fatal(err)
	}
	lookup := func(id string) (rules.Rule, bool) {
		if r, ok := rules.Get(id); ok {
			return r, true
		}
		return fakeLookup(id)
	}
	for b.Loop() {
		if _, err := LoadWith(path, lookup); err != nil {
			b.Fatal(err)
		}
	}
}
