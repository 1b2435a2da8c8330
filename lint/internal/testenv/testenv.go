// Package testenv decides what a test does when something it needs from
// the machine is missing: an external tool (xmllint, chromium, openssl,
// git, pre-commit, goreleaser...) or a prepared input.
//
// On a developer's machine the test skips, saying what to install. In CI
// (CI=true, as runners set it, or PXLINT_REQUIRE_TOOLS=1, as .ci/run sets
// it) the test fails instead: .ci/run installs every such tool, so a
// missing one there is a broken CI setup, not a reason to pass silently.
package testenv

import (
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Required reports whether a missing tool fails the test instead of
// skipping it.
func Required() bool {
	return os.Getenv("PXLINT_REQUIRE_TOOLS") == "1" || strings.EqualFold(os.Getenv("CI"), "true")
}

// Tool finds the first of names on PATH or, for Go-installed tools, in
// GOPATH/bin. When none is found it skips the test, or fails it where
// Required; install says how to get the tool.
func Tool(t testing.TB, install string, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
		if p := filepath.Join(build.Default.GOPATH, "bin", name); isExecutable(p) {
			return p
		}
	}
	Missing(t, strings.Join(names, " or ")+" not found ("+install+")")
	return ""
}

// Missing skips the test with why, or fails it where Required.
func Missing(t testing.TB, why string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s; in CI (CI=true or PXLINT_REQUIRE_TOOLS=1) this fails: .ci/run must install it", why)
		return
	}
	t.Skipf("skipping: %s", why)
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0
}
