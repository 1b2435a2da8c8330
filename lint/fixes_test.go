package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
)

// assignmentFix is a fix that rewrites a whole assignment: `$Name = ...`.
var assignmentFix = regexp.MustCompile(`^\$Px\w+ = \S`)

// applyFix applies a finding's fix literally to the script's text, when it
// is mechanical: a quoted replacement for the element the finding points at,
// a whole assignment for the assignment it points at, or "remove this
// element" (with the comma that separates it). Fixes in prose, with
// placeholders (`<...>`), or for a span that is not the text they replace
// are instructions, not edits: ok is false.
func applyFix(text string, f finding.Finding) (string, bool) {
	if f.Region == nil || f.Region.StartLine != f.Region.EndLine || strings.Contains(f.Fix, "<") {
		return "", false
	}
	r := []rune(text)
	// offset of the region's start line, in runes
	at, line := 0, 1
	for at < len(r) && line < f.Region.StartLine {
		if r[at] == '\n' {
			line++
		}
		at++
	}
	from, to := at+f.Region.StartColumn-1, at+f.Region.EndColumn-1
	if line != f.Region.StartLine || from < at || to > len(r) || from >= to {
		return "", false
	}
	span := string(r[from:to])
	switch {
	case f.Fix == "remove this element" && f.Element != "":
		// drop the separating comma: the next one, else the previous one
		next := to
		for next < len(r) && (r[next] == ' ' || r[next] == '\t') {
			next++
		}
		if next < len(r) && r[next] == ',' {
			return string(r[:from]) + strings.TrimLeft(string(r[next+1:]), " \t"), true
		}
		prev := from - 1
		for prev >= 0 && strings.ContainsRune(" \t\r\n", r[prev]) {
			prev--
		}
		if prev >= 0 && r[prev] == ',' {
			return string(r[:prev]) + string(r[to:]), true
		}
		return string(r[:from]) + string(r[to:]), true
	case f.Element != "" && strings.HasPrefix(f.Fix, `"`) && strings.HasSuffix(f.Fix, `"`):
		return string(r[:from]) + f.Fix + string(r[to:]), true
	case assignmentFix.MatchString(f.Fix) && strings.HasPrefix(f.Fix, "$"+f.Variable+" "):
		// A whole assignment replaces the statement holding the region.
		start := strings.LastIndex(string(r[:from]), "\n$"+f.Variable)
		if strings.HasPrefix(span, "$") {
			start = from - 1
		}
		if start < -1 {
			return "", false
		}
		start++
		end, depth := start, 0
		for end < len(r) && (depth > 0 || r[end] != '\n') {
			switch r[end] {
			case '(', '{':
				depth++
			case ')', '}':
				depth--
			}
			end++
		}
		if end > 0 && r[end-1] == '\r' {
			end--
		}
		return string(r[:start]) + f.Fix + string(r[end:]), true
	}
	return "", false
}

// findingKeys lints paths in one run and returns, per file (by base path
// below root), its findings as "rule $variable" keys: positions and counts
// are left out, as a fix moves text. PX206 is left out too: the copies
// linted together share subscriptions and FQDNs on purpose.
func findingKeys(t *testing.T, root string, paths ...string) (map[string]map[string]bool, map[string][]finding.Finding) {
	t.Helper()
	rep, _, err := lint.Run(context.Background(), lint.Options{Paths: paths, Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	keys, findings := map[string]map[string]bool{}, map[string][]finding.Finding{}
	for _, fr := range rep.Files {
		rel, err := filepath.Rel(root, fr.Path)
		if err != nil {
			t.Fatal(err)
		}
		rel = filepath.ToSlash(rel)
		keys[rel] = map[string]bool{}
		for _, f := range fr.Findings {
			if f.RuleID != "PX206" {
				keys[rel][f.RuleID+" $"+f.Variable] = true
			}
		}
		findings[rel] = fr.Findings
	}
	return keys, findings
}

// TestFixesLeadToNoOtherFinding applies every mechanical fix of the bad
// examples literally, one at a time, re-lints, and requires that no finding
// appears that was not there before (PX103's old `@()` fix led straight to
// PX107). Two runs: the examples as they are, then every fixed variant.
// newKeys lists, sorted, the finding keys of after that were not in before:
// what a fix led to.
func newKeys(before, after map[string]bool) []string {
	var added []string
	for k := range after {
		if !before[k] {
			added = append(added, k)
		}
	}
	sort.Strings(added)
	return added
}

func TestFixesLeadToNoOtherFinding(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("..", "examples", "bad", "*.ps1"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no bad examples: %v", err)
	}
	orig, fixed := t.TempDir(), t.TempDir()
	texts := map[string]string{}
	for _, script := range scripts {
		b, err := os.ReadFile(script)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(script)
		texts[name] = string(b)
		if err := os.WriteFile(filepath.Join(orig, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before, findings := findingKeys(t, orig, orig)

	type variant struct {
		name string
		f    finding.Finding
	}
	var variants []variant
	for name, text := range texts {
		for _, f := range findings[name] {
			out, ok := applyFix(text, f)
			if !ok {
				continue
			}
			dir := filepath.Join(fixed, fmt.Sprintf("v%03d", len(variants)))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			variants = append(variants, variant{name, f})
		}
	}
	if len(variants) < 5 {
		t.Fatalf("only %d fixes were mechanical enough to apply: has the fix format changed?", len(variants))
	}
	after, _ := findingKeys(t, fixed, fixed)
	for i, v := range variants {
		got, ok := after[fmt.Sprintf("v%03d/%s", i, v.name)]
		if !ok {
			t.Errorf("%s: the variant fixing %s was not linted", v.name, v.f.RuleID)
			continue
		}
		if added := newKeys(before[v.name], got); len(added) > 0 {
			t.Errorf("%s: applying the %s fix %q on line %d leads to %v", v.name, v.f.RuleID, v.f.Fix, v.f.Region.StartLine, added)
		}
	}
	t.Logf("%d fixes applied literally", len(variants))
}

// TestApplyFix checks the literal application itself, on the fix that once
// led straight to another finding (PX103's `@()`, then PX107).
func TestApplyFix(t *testing.T) {
	text := "$PxA = 1\n$PxNodesSourceAddressPrefixes = @(\n    \"80.213.4.17\",\n    \"\"\n) + $PxMgmtSrcAddrPrefixes\n$PxB = 2\n"
	for _, tc := range []struct {
		name string
		f    finding.Finding
		want string
	}{
		{"assignment for an element", finding.Finding{Variable: "PxNodesSourceAddressPrefixes", Element: `""`, Fix: "$PxNodesSourceAddressPrefixes = @()",
			Region: &finding.Region{StartLine: 4, StartColumn: 5, EndLine: 4, EndColumn: 7}},
			"$PxA = 1\n$PxNodesSourceAddressPrefixes = @()\n$PxB = 2\n"},
		{"remove the last element and its comma", finding.Finding{Variable: "PxNodesSourceAddressPrefixes", Element: `""`, Fix: "remove this element",
			Region: &finding.Region{StartLine: 4, StartColumn: 5, EndLine: 4, EndColumn: 7}},
			"$PxA = 1\n$PxNodesSourceAddressPrefixes = @(\n    \"80.213.4.17\"\n) + $PxMgmtSrcAddrPrefixes\n$PxB = 2\n"},
		{"replace an element", finding.Finding{Variable: "PxNodesSourceAddressPrefixes", Element: `"80.213.4.17"`, Fix: `"80.213.4.0/24"`,
			Region: &finding.Region{StartLine: 3, StartColumn: 5, EndLine: 3, EndColumn: 18}},
			"$PxA = 1\n$PxNodesSourceAddressPrefixes = @(\n    \"80.213.4.0/24\",\n    \"\"\n) + $PxMgmtSrcAddrPrefixes\n$PxB = 2\n"},
	} {
		got, ok := applyFix(text, tc.f)
		if !ok || got != tc.want {
			t.Errorf("%s: got %v %q, want %q", tc.name, ok, got, tc.want)
		}
	}
	if _, ok := applyFix(text, finding.Finding{Fix: `$PxNodesSourceAddressPrefixes = @("<node public address>")`, Variable: "PxNodesSourceAddressPrefixes",
		Region: &finding.Region{StartLine: 2, StartColumn: 1, EndLine: 2, EndColumn: 5}}); ok {
		t.Error("a fix with a placeholder was applied")
	}
}
