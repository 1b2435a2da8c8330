package cert

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestFactsMatchSchema validates the facts of the real files, the example
// fixtures and the edge cases (absent, no certificate named) against
// certificates.schema.json, whose additionalProperties are false: a field
// added to the Go types without the schema fails here.
func TestFactsMatchSchema(t *testing.T) {
	raw, err := os.ReadFile("certificates.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("certificates.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("certificates.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var all []*Certificates
	none, err := Collect(Request{ScriptDir: t.TempDir(), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	absent, err := Collect(Request{ScriptDir: t.TempDir(), PfxFileName: "x.pfx", Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	all = append(all, none, absent)
	var nodes []string
	for _, dir := range []string{realPFXDir, exampleCertsDir} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); ext != ".json" && ext != ".md" {
				nodes = append(nodes, filepath.Join(dir, e.Name()))
			}
		}
	}
	for _, pw := range []*string{nil, ptr("testcertificate")} {
		got, err := Collect(Request{NodeCerts: nodes, NodePassword: pw, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, got)
	}
	for _, p := range nodes[:3] {
		got, err := Collect(Request{CertPath: p, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, got)
	}
	for _, facts := range all {
		b, err := json.Marshal(facts)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("facts do not match certificates.schema.json: %v\n%s", err, b)
		}
	}
}
