package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pxlint/pxlint/lint/internal/testenv"
)

// schemaDir holds the published output-format schemas, copied from the
// project's shared/schemas (origins and licences in its ORIGIN.md).
const schemaDir = "testdata/schemas"

// schemaFile returns the path of a published schema's copy.
func schemaFile(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(schemaDir, name)
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSchemaCopies keeps testdata/schemas equal to shared/schemas where
// that folder sits beside the clone.
func TestSchemaCopies(t *testing.T) {
	copies := map[string]string{}
	for _, name := range []string{"ORIGIN.md", "sarif-2.1.0.json", "junit-10.xsd", "junit-strict.xsd"} {
		copies[filepath.Join(schemaDir, name)] = "schemas/" + name
	}
	testenv.CheckCopies(t, copies)
}

// compileSchema compiles a JSON Schema file (draft from its $schema).
func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "file:///" + filepath.Base(path)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compiling %s: %v", path, err)
	}
	return s
}

func validateJSON(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	return s.Validate(inst)
}

// emptyReport is the smallest report: no file at all.
func emptyRender(t *testing.T, format string) []byte {
	t.Helper()
	f, _ := Get(format)
	var buf bytes.Buffer
	r := fixtureReport()
	r.Files, r.Notices = nil, nil
	if err := f.Format(&buf, r, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSARIFValidAgainstSchema(t *testing.T) {
	s := compileSchema(t, schemaFile(t, "sarif-2.1.0.json"))
	for name, out := range map[string][]byte{"fixture": render(t, "sarif", Options{}), "empty": emptyRender(t, "sarif"),
		"not-verified-results": render(t, "sarif", Options{SARIFNotVerifiedResults: true, SARIFCategory: "region/west"})} {
		if err := validateJSON(t, s, out); err != nil {
			t.Errorf("%s: SARIF invalid: %v", name, err)
		}
	}
	// The schema cannot see that a document says something else: check
	// what consumers rely on.
	var doc struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Conf struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID       string `json:"ruleId"`
				RuleIndex    int    `json:"ruleIndex"`
				Kind         string `json:"kind"`
				Level        string `json:"level"`
				Suppressions []struct {
					Kind string `json:"kind"`
				} `json:"suppressions"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Related             []json.RawMessage `json:"relatedLocations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	open, suppressed, related := 0, map[string]int{}, 0
	prints := map[string]bool{}
	for _, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s: ruleIndex %d does not point at its rule", res.RuleID, res.RuleIndex)
		}
		if res.Kind == "open" {
			open++
			if res.Level != "none" {
				t.Errorf("open result %s has level %q, want none", res.RuleID, res.Level)
			}
		}
		for _, s := range res.Suppressions {
			suppressed[s.Kind]++
		}
		related += len(res.Related)
		fp := res.PartialFingerprints["pxlint/v1"]
		if fp == "" || prints[fp] {
			t.Errorf("result %s: partial fingerprint %q missing or not unique", res.RuleID, fp)
		}
		prints[fp] = true
	}
	if open != 0 || suppressed["inSource"] != 1 || suppressed["external"] != 1 || related != 3 {
		t.Errorf("open=%d suppressions=%v related=%d, want 0 (not_verified are notifications), inSource 1 external 1, 3", open, suppressed, related)
	}
	if got := run.Results[len(run.Results)-2].Locations[0].Physical.Artifact.URI; got != "regions/%E6%9D%B1%E4%BA%AC,%20100%25/variables.ps1" {
		t.Errorf("non-ASCII path URI = %q", got)
	}
	levels := map[string]string{}
	for _, r := range run.Tool.Driver.Rules {
		levels[r.ID] = r.Conf.Level
	}
	if levels["PX102"] != "error" || levels["PX105"] != "warning" || levels["USR001"] != "warning" {
		t.Errorf("default levels = %v", levels)
	}
}

func TestSARIFURI(t *testing.T) {
	for _, tc := range []struct{ path, uri, base string }{
		{"examples/az/variables.ps1", "examples/az/variables.ps1", SRCROOT},
		{"a b/c#d?.ps1", "a%20b/c%23d%3F.ps1", SRCROOT},
		{"x:y/z.ps1", "./x:y/z.ps1", SRCROOT},
		{"/abs/dir/v.ps1", "file:///abs/dir/v.ps1", ""},
		{`C:\cfg\v.ps1`, "file:///C:/cfg/v.ps1", ""},
	} {
		uri, base := sarifURI(tc.path)
		if uri != tc.uri || base != tc.base {
			t.Errorf("sarifURI(%q) = %q, %q; want %q, %q", tc.path, uri, base, tc.uri, tc.base)
		}
	}
}

func TestJSONValidAgainstSchema(t *testing.T) {
	s := compileSchema(t, "../../schemas/report.schema.json")
	for name, out := range map[string][]byte{"fixture": render(t, "json", Options{}), "empty": emptyRender(t, "json")} {
		if err := validateJSON(t, s, out); err != nil {
			t.Errorf("%s: JSON report invalid: %v", name, err)
		}
	}
	// The schema must be able to fail: a suppressed finding that counts.
	bad := bytes.Replace(render(t, "json", Options{}), []byte(`"suppressed": true,`), []byte(`"suppressed": false,`), 1)
	if err := validateJSON(t, s, bad); err == nil {
		t.Error("schema accepts a finding with a suppression but suppressed=false")
	}
	bad = bytes.Replace(render(t, "json", Options{}), []byte(`"pxlint-report/v1"`), []byte(`"pxlint-report/v2"`), 1)
	if err := validateJSON(t, s, bad); err == nil {
		t.Error("schema accepts another version")
	}
}

// xmllint validates JUnit output with the real tool, as CI consumers would
// reject it.
func TestJUnitValidAgainstSchemas(t *testing.T) {
	xmllint := testenv.Tool(t, "apt-get install libxml2-utils", "xmllint")
	dir := t.TempDir()
	// The default output puts a passing rule's warnings in its test case
	// (junit-10.xsd allows it, the strict Ant schema does not); under
	// PXLINT_JUNIT_SCHEMA=strict they go to the suite and both schemas hold.
	strict := render(t, "junit", Options{JUnitStrict: true})
	docs := map[string][]byte{"fixture": render(t, "junit", Options{}), "empty": emptyRender(t, "junit"), "strict": strict}
	for _, xsd := range []string{"junit-10.xsd", "junit-strict.xsd"} {
		schema := schemaFile(t, xsd)
		for name, doc := range docs {
			if xsd == "junit-strict.xsd" && name == "fixture" {
				continue
			}
			p := filepath.Join(dir, name+".xml")
			if err := os.WriteFile(p, doc, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(xmllint, "--noout", "--schema", schema, p).CombinedOutput()
			if err != nil {
				t.Errorf("%s against %s: %v\n%s", name, xsd, err, out)
			}
		}
		// And the check can fail: a suite without its required attributes.
		p := filepath.Join(dir, "bad.xml")
		bad := strings.Replace(string(docs["strict"]), `hostname="localhost" `, "", 1)
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if xsd == "junit-strict.xsd" {
			if out, err := exec.Command(xmllint, "--noout", "--schema", schema, p).CombinedOutput(); err == nil {
				t.Errorf("xmllint accepted a suite without hostname against %s:\n%s", xsd, out)
			}
		}
	}
}
