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

// TestRegoRuleLayout: a Rego rule is policies/pxNNN_<name>.rego in package
// pxlint.rules.pxnnn, with its pxNNN_<name>_test.rego beside it, so a
// newcomer finds a rule, and adds one, by copying a neighbour.
func TestRegoRuleLayout(t *testing.T) {
	for _, r := range rules.All() {
		if !strings.HasPrefix(r.Source, "policies/") {
			continue
		}
		base := strings.ToLower(r.ID) + "_" + strings.ReplaceAll(r.Name, "-", "_")
		if r.Source != "policies/"+base+".rego" {
			t.Errorf("%s: METADATA in %s, want policies/%s.rego", r.ID, r.Source, base)
			continue
		}
		src, err := os.ReadFile("../../" + r.Source)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "\npackage pxlint.rules."+strings.ToLower(r.ID)+"\n") {
			t.Errorf("%s: %s is not package pxlint.rules.%s", r.ID, r.Source, strings.ToLower(r.ID))
		}
		if _, err := os.Stat("../../policies/" + base + "_test.rego"); err != nil {
			t.Errorf("%s: no tests beside it: %v", r.ID, err)
		}
	}
}
