package testenv

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// SharedDir is the project's shared/ folder, which sits beside the clone on
// the project's machines and in its CI (never in a clone from GitHub), or ""
// when there is none. Tests never read their inputs from it: they read
// copies in their testdata/ folder, and CheckCopies keeps those copies true.
func SharedDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(dir, "..", "shared")
			if st, err := os.Stat(shared); err == nil && st.IsDir() {
				return shared
			}
			return ""
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// CheckCopies fails for each copy whose bytes differ from its origin in
// shared/ (copies maps a testdata path to a slash path under shared/). When
// shared/ is absent, as in a clone from GitHub, there is nothing to compare
// and the copies are the tests' only input.
func CheckCopies(t testing.TB, copies map[string]string) {
	t.Helper()
	checkCopiesIn(t, SharedDir(), copies)
}

func checkCopiesIn(t testing.TB, shared string, copies map[string]string) {
	t.Helper()
	if shared == "" {
		t.Logf("no shared/ beside the clone: testdata copies not compared with their origin")
		return
	}
	for copyPath, origin := range copies {
		want, err := os.ReadFile(filepath.Join(shared, filepath.FromSlash(origin)))
		if err != nil {
			t.Errorf("%s: origin shared/%s: %v (moved? update the copy and its NOTICE)", copyPath, origin, err)
			continue
		}
		got, err := os.ReadFile(copyPath)
		if err != nil {
			t.Errorf("%s: %v (copy it from shared/%s)", copyPath, err, origin)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from shared/%s: copy it again (cp ../shared/%s %s from the module root)", copyPath, origin, origin, copyPath)
		}
	}
}
