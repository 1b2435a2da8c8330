package planreport_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/internal/golden"
	"github.com/pxlint/pxlint/lint/plan"
	"github.com/pxlint/pxlint/lint/planreport"
)

// clock is the fixed clock of the goldens (the examples' clock).
var clock = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// htmlGoldens are the examples whose HTML page is kept as a golden (the
// others are rendered and validated, not stored, to keep review small).
var htmlGoldens = map[string]bool{
	"examples/az/variables.ps1":               true,
	"examples/azurerm/variables.ps1":          true,
	"examples/bad/px107-https-open.ps1":       true,
	"examples/certs/variables.ps1":            true,
	"examples/bad/px201-base-name.ps1":        true,
	"examples/bad/px007-not-evaluated.ps1":    true,
	"examples/bad/px102-cidr-host-bits.ps1":   true,
	"examples/bad/px002-unquoted-address.ps1": true,
}

// inRoot runs the test from the repository root, as a user runs pxlint,
// so paths in the goldens read examples/...; it returns the test folder.
func inRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(filepath.Join(wd, "..", "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	return wd
}

func planSchema(t *testing.T, root string) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join(root, "schemas", "plan.schema.json")
	f, err := os.Open(path)
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
	if err := c.AddResource("file:///plan.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///plan.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, name string, b []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("%s does not match schemas/plan.schema.json: %v", name, err)
	}
}

// TestPlanGoldens plans every example script in pretty, json and markdown
// (and html for a few), validates the JSON against schemas/plan.schema.json
// and compares with testdata/plan/. Every example must have a plan.
func TestPlanGoldens(t *testing.T) {
	if testing.Short() {
		t.Skip("slow (a lint run per example, or a browser): the full suite runs it")
	}
	test := inRoot(t)
	schema := planSchema(t, ".")
	res, rep, err := lint.Plans(context.Background(), lint.Options{Paths: []string{"examples"}, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	// A dot-sourced fragment has no plan of its own: it is part of its
	// includer's (DESIGN, Deployments, not files).
	fragment := map[string]bool{}
	for _, fr := range rep.Files {
		for _, st := range fr.Statuses {
			if strings.HasPrefix(st.Reason, "dot-sourced by ") {
				fragment[fr.Path] = true
			}
		}
	}
	byFile := map[string]*plan.Plan{}
	for _, r := range res {
		byFile[r.Plan.File] = r.Plan
	}
	var scripts []string
	_ = filepath.WalkDir("examples", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".ps1") {
			scripts = append(scripts, filepath.ToSlash(p))
		}
		return nil
	})
	sort.Strings(scripts)
	if len(scripts) < 40 {
		t.Fatalf("only %d example scripts found", len(scripts))
	}
	htmlSeen := 0
	for _, s := range scripts {
		p, ok := byFile[s]
		if !ok {
			if s == "examples/bad/px011-analysis-limit.ps1" || fragment[s] {
				continue // analysis stopped early (a plan of half a script), or a fragment
			}
			t.Errorf("%s has no plan", s)
			continue
		}
		base := filepath.Join(test, "testdata", "plan", strings.TrimSuffix(strings.TrimPrefix(s, "examples/"), ".ps1"))
		for _, f := range []struct{ format, ext string }{{"pretty", ".txt"}, {"json", ".json"}, {"markdown", ".md"}, {"html", ".html"}} {
			var buf bytes.Buffer
			if err := planreport.WritePlans(&buf, f.format, []*plan.Plan{p}, planreport.Options{}); err != nil {
				t.Fatal(err)
			}
			switch f.format {
			case "json":
				validate(t, schema, s+" (json)", buf.Bytes())
			case "html":
				checkSelfContained(t, s, buf.String())
				if !htmlGoldens[s] {
					continue
				}
				htmlSeen++
			}
			golden.Check(t, base+f.ext, buf.Bytes())
		}
	}
	if htmlSeen != len(htmlGoldens) {
		t.Errorf("%d of %d HTML goldens were written: is an example missing?", htmlSeen, len(htmlGoldens))
	}
}

// checkSelfContained: the page makes no request and runs nothing.
func checkSelfContained(t *testing.T, name, page string) {
	t.Helper()
	low := strings.ToLower(page)
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", "src=", "href="} {
		if strings.Contains(low, bad) {
			t.Errorf("%s: HTML is not self-contained: contains %q", name, bad)
		}
	}
}

// TestDiffGoldens compares before/after pairs: an identity change (PX602),
// an upgrade-only change, and a change in a dot-sourced fragment.
func TestDiffGoldens(t *testing.T) {
	if testing.Short() {
		t.Skip("slow (a lint run per example, or a browser): the full suite runs it")
	}
	test := inRoot(t)
	schema := planSchema(t, ".")
	dir := filepath.ToSlash(filepath.Join("lint", "planreport", "testdata", "diff"))
	cases := []struct {
		name, old, new string
		identity       int
	}{
		{"identity", dir + "/identity/old.ps1", dir + "/identity/new.ps1", 3},
		{"upgrade", dir + "/upgrade/old.ps1", dir + "/upgrade/new.ps1", 0},
		{"fragment", dir + "/fragment/old/variables.ps1", dir + "/fragment/new/variables.ps1", 1},
		{"example-px602", "examples/bad/px602-redeploy-identity-change.before", "examples/bad/px602-redeploy-identity-change.ps1", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var sides [2]*plan.Plan
			for i, p := range []string{c.old, c.new} {
				res, _, err := lint.Plans(context.Background(), lint.Options{Paths: []string{p}, Now: clock, NotContext: []string{c.old, c.new}})
				if err != nil {
					t.Fatal(err)
				}
				if len(res) != 1 {
					t.Fatalf("%s: %d plans", p, len(res))
				}
				sides[i] = res[0].Plan
			}
			d := planreport.Diff{Old: sides[0], New: sides[1], Changes: plan.Compare(sides[0], sides[1])}
			if n := len(plan.Identity(d.Changes)); n != c.identity {
				t.Errorf("%d identity changes, want %d: %+v", n, c.identity, d.Changes)
			}
			for _, f := range []struct{ format, ext string }{{"pretty", ".txt"}, {"json", ".json"}, {"markdown", ".md"}} {
				var buf bytes.Buffer
				if err := planreport.WriteDiff(&buf, f.format, d, planreport.Options{}); err != nil {
					t.Fatal(err)
				}
				if f.format == "json" {
					validate(t, schema, c.name+" (json)", buf.Bytes())
				}
				golden.Check(t, filepath.Join(test, "testdata", "diff", c.name+f.ext), buf.Bytes())
			}
		})
	}
}
