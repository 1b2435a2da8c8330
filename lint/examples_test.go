package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/internal/golden"
	"github.com/pxlint/pxlint/lint/report"
)

// exampleClock is the fixed clock of the example goldens.
var exampleClock = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// TestExamples lints examples/ as a newcomer's first command does and
// compares each script's findings with its .expected file (compact format;
// an empty file means the script is clean). Every example script must have
// one, so a new example cannot land unjudged, and every .expected file must
// belong to an example, so a renamed one cannot leave a stale file behind.
// The .expected files are generated with -update and reviewed like code
// (docs/CONTRIBUTING.md, "Tests and golden files").
func TestExamples(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(wd, "..")
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })

	rep, rs, err := lint.Run(context.Background(), lint.Options{Paths: []string{"examples"}, Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string]*finding.FileResult{}
	for i := range rep.Files {
		byFile[rep.Files[i].Path] = &rep.Files[i]
	}
	var scripts []string
	_ = filepath.WalkDir("examples", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".ps1") {
			scripts = append(scripts, filepath.ToSlash(p))
		}
		return nil
	})
	sort.Strings(scripts)
	if len(scripts) == 0 {
		t.Fatal("no example scripts")
	}
	// Infinity exports named by an infinity block are judged in the same
	// run (PX7xx): each has its .expected beside it.
	exports := map[string]bool{"examples/infinity/export": true, "examples/infinity/mismatch/export.json": true}
	for p := range byFile {
		if !strings.HasSuffix(p, ".ps1") && !exports[p] {
			t.Errorf("%s was judged, but is not a known example export", p)
		}
	}
	for p := range exports {
		if _, ok := byFile[p]; !ok {
			t.Errorf("%s was not judged (infinity block not picked up?)", p)
			continue
		}
		scripts = append(scripts, p)
	}
	sort.Strings(scripts)
	compact, _ := report.Get("compact")
	for _, p := range scripts {
		fr, ok := byFile[p]
		if !ok {
			t.Errorf("%s was not linted (skipped as not a variables script?)", p)
			continue
		}
		one := &finding.Report{Tool: rep.Tool, Now: rep.Now, FailOn: rep.FailOn, Files: []finding.FileResult{*fr}}
		var buf bytes.Buffer
		if err := compact.Format(&buf, one, rs, report.Options{}); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, expectedFile(p), buf.Bytes())
	}
	checkNoStrayExpected(t, scripts)
}

// expectedFile is the .expected file of an example script or export.
func expectedFile(p string) string {
	return strings.TrimSuffix(strings.TrimSuffix(p, ".ps1"), ".json") + ".expected"
}

// checkNoStrayExpected fails for every examples/**/*.expected that belongs
// neither to a judged example nor to a bad Infinity export (TestBadExports).
func checkNoStrayExpected(t *testing.T, judged []string) {
	t.Helper()
	owned := map[string]bool{}
	for _, p := range judged {
		owned[expectedFile(p)] = true
	}
	bad, _ := filepath.Glob("examples/infinity/bad/*.json")
	for _, p := range bad {
		owned[expectedFile(filepath.ToSlash(p))] = true
	}
	_ = filepath.WalkDir("examples", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".expected") && !owned[filepath.ToSlash(p)] {
			t.Errorf("%s belongs to no example (renamed or removed?): delete it or restore its example", p)
		}
		return nil
	})
}

// TestDeterministicWhateverTheParallelism lints examples/ with one worker
// and with eight and requires byte-identical JSON and SARIF reports.
func TestDeterministicWhateverTheParallelism(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(filepath.Join(wd, "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	render := func(jobs int) string {
		rep, rs, err := lint.Run(context.Background(), lint.Options{Paths: []string{"examples"}, Now: exampleClock, Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		for _, name := range []string{"json", "sarif"} {
			f, _ := report.Get(name)
			if err := f.Format(&buf, rep, rs, report.Options{}); err != nil {
				t.Fatal(err)
			}
		}
		return buf.String()
	}
	one, eight := render(1), render(8)
	if one != eight {
		t.Error("reports differ between --jobs 1 and --jobs 8")
	}
	if !strings.Contains(one, `"ruleId": "PX102"`) {
		t.Error("the SARIF report lacks the PX102 example's result")
	}
}
