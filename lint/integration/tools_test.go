package integration

import (
	"os"
	"path/filepath"
	"testing"
)

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
