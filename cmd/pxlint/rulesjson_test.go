package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestRulesJSONMatchesItsSchema validates `pxlint rules --json` against
// schemas/rules.schema.json, and checks it holds every rule.
func TestRulesJSONMatchesItsSchema(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"rules", "--json"}, &out, &errOut, func(string) string { return "" }); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	f, err := os.Open(filepath.Join("..", "..", "schemas", "rules.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("file:///rules.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///rules.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Fatalf("rules --json does not match its schema: %v", err)
	}
	var got rulesDoc
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	run([]string{"rules"}, &text, &errOut, func(string) string { return "" })
	if n := bytes.Count(text.Bytes(), []byte("\n")); len(got.Rules) != n {
		t.Errorf("rules --json has %d rules, rules has %d", len(got.Rules), n)
	}
}
