package lint_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/ps"
)

// copyScripts copies files into dir (flat) and returns their contents by base name.
func copyScripts(t *testing.T, dir string, paths []string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		if _, dup := out[name]; dup {
			name = strings.ReplaceAll(filepath.ToSlash(p), "/", "_")
		}
		out[name] = b
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestFixEveryBadExample applies every machine-applicable fix of every
// finding in examples/bad/ (each alternative, safe and unsafe, one at a
// time), re-lints, and requires that the fixed finding is gone and that no
// finding appears that was not there before.
func TestFixEveryBadExample(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("..", "examples", "bad", "*.ps1"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no bad examples: %v", err)
	}
	orig, fixed := t.TempDir(), t.TempDir()
	texts := copyScripts(t, orig, scripts)
	before, findings := findingKeys(t, orig, orig)

	type variant struct {
		name string
		f    finding.Finding
		fx   finding.Fix
	}
	var variants []variant
	for name, raw := range texts {
		for _, f := range findings[name] {
			for _, fx := range f.Fixes {
				res := fix.Apply(raw, ps.Decode(raw), []finding.Fix{fx})
				if len(res.Applied) != 1 || bytes.Equal(res.Bytes, raw) {
					t.Errorf("%s: the %s fix %q does not apply: %+v", name, f.RuleID, fx.Message, res)
					continue
				}
				dir := filepath.Join(fixed, fmt.Sprintf("v%03d", len(variants)))
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), res.Bytes, 0o644); err != nil {
					t.Fatal(err)
				}
				variants = append(variants, variant{name, f, fx})
			}
		}
	}
	after, afterFindings := findingKeys(t, fixed, fixed)
	rulesFixed := map[string]bool{}
	for i, v := range variants {
		key := fmt.Sprintf("v%03d/%s", i, v.name)
		got, ok := after[key]
		if !ok {
			t.Errorf("%s: the variant fixing %s was not linted", v.name, v.f.RuleID)
			continue
		}
		if added := newKeys(before[v.name], got); len(added) > 0 {
			t.Errorf("%s: the %s fix %q leads to %v", v.name, v.f.RuleID, v.fx.Message, added)
		}
		if n, m := countRule(findings[v.name], v.f.RuleID), countRule(afterFindings[key], v.f.RuleID); m >= n {
			t.Errorf("%s: after the %s fix %q the rule still fires %d times (before: %d)", v.name, v.f.RuleID, v.fx.Message, m, n)
		}
		rulesFixed[v.f.RuleID] = true
	}
	// Every fixer is exercised by a bad example, except the ones whose
	// mechanical case no example shows (their table tests cover them).
	for _, id := range fix.Rules() {
		switch id {
		case "PX101", "PX004":
			continue
		}
		if !rulesFixed[id] {
			t.Errorf("no bad example exercises the %s fix", id)
		}
	}
	t.Logf("%d fixes of %d rules applied to the bad examples", len(variants), len(rulesFixed))
}

func countRule(fs []finding.Finding, rule string) int {
	n := 0
	for _, f := range fs {
		if f.RuleID == rule {
			n++
		}
	}
	return n
}

// TestFixBadExamplesConverges runs the whole loop (unsafe fixes included)
// over a copy of examples/bad/: it ends before the pass bound, every fixed
// file still decodes, and a second run changes nothing.
func TestFixBadExamplesConverges(t *testing.T) {
	scripts, _ := filepath.Glob(filepath.Join("..", "examples", "bad", "*.ps1"))
	dir := t.TempDir()
	copyScripts(t, dir, scripts)
	opts := lint.Options{Paths: []string{dir}, Now: exampleClock}
	res, err := lint.Fix(context.Background(), opts, lint.FixOptions{Unsafe: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pending != 0 || res.Passes >= lint.DefaultFixPasses {
		t.Fatalf("not converged: %d pending after %d passes", res.Pending, res.Passes)
	}
	if len(res.Files) < 15 {
		t.Errorf("only %d files fixed", len(res.Files))
	}
	if err := lint.WriteFixes(res.Files); err != nil {
		t.Fatal(err)
	}
	again, err := lint.Fix(context.Background(), opts, lint.FixOptions{Unsafe: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, ff := range again.Files {
		t.Errorf("%s: a second run still fixes %+v", ff.Path, ff.Fixes)
	}
	if a, u := lint.AvailableFixes(again.Report, true); a+u != 0 {
		t.Errorf("%d fixes still offered after fixing", a+u)
	}
	t.Logf("%d files fixed in %d passes", len(res.Files), res.Passes)
}
