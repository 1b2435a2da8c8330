package ps

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusFiles lists the .ps1/.psm1 files under dir.
func corpusFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".ps1") || strings.HasSuffix(path, ".psm1")) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// parseErrors returns the PX001 diagnostics of a file.
func parseErrors(t *testing.T, path string) []Diagnostic {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, f := ParseBytes(b, DefaultLimits())
	var out []Diagnostic
	for _, d := range f.Diagnostics {
		if d.Rule == RuleParseError {
			out = append(out, d)
		}
	}
	return out
}

// TestCorpusParses: every script of the valid-PowerShell corpus parses
// without a PX001 (testdata/corpus/README.md says where each comes from).
func TestCorpusParses(t *testing.T) {
	files := corpusFiles(t, "testdata/corpus")
	if len(files) < 15 {
		t.Fatalf("the corpus has only %d scripts", len(files))
	}
	for _, name := range files {
		for _, d := range parseErrors(t, name) {
			t.Errorf("%s:%d:%d: %s", name, d.Span.Start.Line, d.Span.Start.Col, d.Message)
		}
	}
}

// TestExternalCorpusRate measures the PX001 rate on a directory of valid
// scripts that is not kept in the repository (PXLINT_PS_CORPUS=dir); it
// reports, it does not fail.
func TestExternalCorpusRate(t *testing.T) {
	dir := os.Getenv("PXLINT_PS_CORPUS")
	if dir == "" {
		t.Skip("PXLINT_PS_CORPUS not set")
	}
	files := corpusFiles(t, dir)
	bad := 0
	for _, name := range files {
		if ds := parseErrors(t, name); len(ds) > 0 {
			bad++
			d := ds[0]
			t.Logf("PX001 %s:%d:%d: %s (%d)", name, d.Span.Start.Line, d.Span.Start.Col, d.Message, len(ds))
		}
	}
	t.Logf("PX001 on %d of %d scripts (%.1f %%)", bad, len(files), 100*float64(bad)/float64(max(len(files), 1)))
}
