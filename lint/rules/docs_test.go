package rules_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/rules"
)

var update = flag.Bool("update", false, "rewrite docs/rules/*.md and the README rule table from the registry")

const (
	tableStart = "<!-- rules:start -->"
	tableEnd   = "<!-- rules:end -->"
)

// TestDocsMatchRegistry fails when a generated page or the README table
// drifts from the registry (refresh with `go test ./lint/rules -update`).
func TestDocsMatchRegistry(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "rules")
	all := rules.All()
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{}
	for _, r := range all {
		name := r.ID + ".md"
		want[name] = true
		path := filepath.Join(dir, name)
		md := r.Markdown(autoFix(r.ID))
		if *update {
			if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != md {
			t.Errorf("%s is missing or out of date: run go test ./lint/rules -update", path)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("docs/rules/%s has no rule in the registry", e.Name())
		}
	}

	readme := filepath.Join("..", "..", "README.md")
	src, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	i, j := strings.Index(s, tableStart), strings.Index(s, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %s ... %s markers", tableStart, tableEnd)
	}
	table := "\n" + rules.MarkdownTable(all)
	if *update {
		s = s[:i+len(tableStart)] + table + s[j:]
		if err := os.WriteFile(readme, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if s[i+len(tableStart):j] != table {
		t.Error("README.md rule table is out of date: run go test ./lint/rules -update")
	}
}

// autoFix is the rule's fixer as its page shows it (this external test
// package may import lint/fix, which imports lint/rules).
func autoFix(id string) *rules.AutoFix {
	x, ok := fix.Lookup(id)
	if !ok {
		return nil
	}
	return &rules.AutoFix{Commands: x.Commands(), Summary: x.Summary, Safety: x.SafetyText()}
}

// TestDocsShowFixers: a rule with a fixer says so on its page, one without
// does not.
func TestDocsShowFixers(t *testing.T) {
	fixable := map[string]bool{}
	for _, id := range fix.Rules() {
		fixable[id] = true
	}
	if len(fixable) == 0 {
		t.Fatal("no fixers registered")
	}
	for _, r := range rules.All() {
		if got := strings.Contains(r.Markdown(autoFix(r.ID)), "## Automatic fix"); got != fixable[r.ID] {
			t.Errorf("%s: page shows an automatic fix = %v, has a fixer = %v", r.ID, got, fixable[r.ID])
		}
	}
}

func TestExplainHasEverySection(t *testing.T) {
	for _, r := range rules.All() {
		out := r.Explain()
		for _, part := range []string{r.ID, r.Title, "What it catches", "Deployment error it prevents", "How to fix"} {
			if !strings.Contains(out, part) {
				t.Errorf("explain %s lacks %q", r.ID, part)
			}
		}
	}
}
