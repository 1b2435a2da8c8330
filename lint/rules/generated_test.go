package rules_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/rules/internal/metadata"
)

// TestGeneratedRegistryFresh fails when registry_gen.go differs from a
// fresh generation: a METADATA edit without `go generate ./lint/rules`
// cannot land.
func TestGeneratedRegistryFresh(t *testing.T) {
	want, err := metadata.Generate("../..")
	if err != nil {
		t.Fatalf("generating the registry: %v", err)
	}
	got, err := os.ReadFile("registry_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("registry_gen.go is out of date with the rules' METADATA: run go generate ./lint/rules")
	}
}

// TestEveryRuleHasItsSource: each entry names the file holding its
// METADATA, and that file exists.
func TestEveryRuleHasItsSource(t *testing.T) {
	for _, r := range rules.All() {
		if r.Source == "" {
			t.Errorf("%s: no METADATA source (a rule written outside any check?)", r.ID)
			continue
		}
		if _, err := os.Stat("../../" + r.Source); err != nil {
			t.Errorf("%s: source %s: %v", r.ID, r.Source, err)
		}
		if strings.HasSuffix(r.Source, "_test.rego") {
			t.Errorf("%s: METADATA in a test file %s", r.ID, r.Source)
		}
	}
}
