// Package golden compares test output with reviewed golden files.
//
// It is the one golden-file helper of pxlint's tests, so every golden
// behaves alike:
//   - a missing golden file fails the test (a new case cannot land unjudged);
//   - a difference fails with a unified diff (-want +got);
//   - `go test ./<pkg> -update` rewrites only the files that differ and still
//     fails, naming each one with its diff: updating is an explicit act
//     whose result is reviewed (git diff) before the run that passes.
//
// The package registers the -update flag, so test packages that import it
// must not define their own.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

var update = flag.Bool("update", false, "rewrite the golden files that differ (the test still fails: review the diff, then run again)")

// maxDiffLines bounds the diff shown in a failure: a report-sized golden can
// differ everywhere, and the first lines say what changed.
const maxDiffLines = 120

// Check compares got with the golden file at path (slash or OS separators,
// relative to the test's package folder).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	want, err := os.ReadFile(path)
	missing := os.IsNotExist(err)
	if err != nil && !missing {
		t.Fatalf("golden file %s: %v", path, err)
	}
	if err == nil && bytes.Equal(want, got) {
		return
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		if missing {
			t.Errorf("created %s (-update): review it, then run again without -update\n%s", path, Diff(path, nil, got))
		} else {
			t.Errorf("rewrote %s (-update): review the change, then run again without -update\n%s", path, Diff(path, want, got))
		}
		return
	}
	if missing {
		t.Errorf("missing golden file %s: create it with %s and review it", path, UpdateCommand(t))
		return
	}
	t.Errorf("output differs from %s (-want +got; if the change is intended: %s, then review)\n%s", path, UpdateCommand(t), Diff(path, want, got))
}

// CheckString is Check for text.
func CheckString(t testing.TB, path, got string) {
	t.Helper()
	Check(t, path, []byte(got))
}

// Diff is a unified diff from want (the golden file at path) to got, cut
// after maxDiffLines lines.
func Diff(path string, want, got []byte) string {
	d := string(diff.Diff("want "+filepath.ToSlash(path), want, "got", got))
	lines := strings.SplitAfter(d, "\n")
	if len(lines) > maxDiffLines {
		d = strings.Join(lines[:maxDiffLines], "") + fmt.Sprintf("... (%d more diff lines)\n", len(lines)-maxDiffLines)
	}
	return d
}

// UpdateCommand is the command that rewrites the golden files of the
// running test: go test ./<package folder> -run '^<TestName>$' -update.
func UpdateCommand(t testing.TB) string {
	name, _, _ := strings.Cut(t.Name(), "/")
	return fmt.Sprintf("go test ./%s -run '^%s$' -update", packageDir(), name)
}

// startDir is the test binary's working directory before any test changes
// it: go test starts a test binary in its package folder.
var startDir, startDirErr = os.Getwd()

// packageDir is the test's package folder relative to the module root, "."
// when unknown.
func packageDir() string {
	wd := startDir
	if startDirErr != nil {
		return "."
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return filepath.ToSlash(rel)
		}
		if filepath.Dir(dir) == dir {
			return "."
		}
	}
}
