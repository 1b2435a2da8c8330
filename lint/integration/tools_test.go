package integration

import (
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// needTools reports whether a missing tool fails the test instead of
// skipping it.
func needTools() bool { return os.Getenv("PXLINT_REQUIRE_TOOLS") == "1" }

// tool finds an external program on PATH or, for Go-installed tools, in
// GOPATH/bin; it skips (or, in CI, fails) the test when it is missing.
func tool(t *testing.T, name, install string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if p := filepath.Join(build.Default.GOPATH, "bin", name); isFile(p) {
		return p
	}
	if needTools() {
		t.Fatalf("PXLINT_REQUIRE_TOOLS=1 but %s is missing (%s)", name, install)
	}
	t.Skipf("skipping: %s not found (%s)", name, install)
	return ""
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// repoRoot is the module root, two levels up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if !isFile(filepath.Join(root, "go.mod")) {
		t.Fatalf("%s has no go.mod", root)
	}
	return root
}
