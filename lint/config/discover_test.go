package config

import (
	"os"
	"path/filepath"
	"testing"
)

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDiscover(t *testing.T) {
	// outer/.pxlint.hcl sits above the repository and must never be used for
	// scripts inside it.
	base := t.TempDir()
	outer := filepath.Join(base, FileName)
	touch(t, outer)
	repoDir := filepath.Join(base, "repo")
	if err := os.MkdirAll(filepath.Join(repoDir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	rootCfg := filepath.Join(repoDir, FileName)
	touch(t, rootCfg)
	nested := filepath.Join(repoDir, "regions", "eu", FileName)
	touch(t, nested)
	// a worktree or submodule has a .git file, not a folder
	sub := filepath.Join(repoDir, "vendor", "sub")
	touch(t, filepath.Join(sub, ".git"))
	// a folder named .pxlint.hcl is not a config
	if err := os.MkdirAll(filepath.Join(repoDir, "odd", FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(base, "loose")

	tests := []struct {
		script, want string
	}{
		{filepath.Join(repoDir, "a.ps1"), rootCfg},
		{filepath.Join(repoDir, "regions", "b.ps1"), rootCfg},
		{filepath.Join(repoDir, "regions", "eu", "c.ps1"), nested},
		{filepath.Join(repoDir, "regions", "eu", "deep", "d.ps1"), nested},
		{filepath.Join(repoDir, "odd", "e.ps1"), rootCfg},
		{filepath.Join(sub, "f.ps1"), ""},        // stops at the submodule's root
		{filepath.Join(outside, "g.ps1"), outer}, // outside git: up to /
	}
	for _, tt := range tests {
		got, found := Discover(tt.script)
		if got != tt.want || found != (tt.want != "") {
			t.Errorf("Discover(%s) = %q, %v; want %q", tt.script, got, found, tt.want)
		}
	}
}

func TestRepoRoot(t *testing.T) {
	base := t.TempDir()
	repoDir := filepath.Join(base, "repo")
	deep := filepath.Join(repoDir, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repoDir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if root, ok := RepoRoot(deep); root != repoDir || !ok {
		t.Errorf("RepoRoot(deep) = %q, %v", root, ok)
	}
	root, ok := RepoRoot(base)
	if ok {
		t.Skipf("the temporary folder is itself inside a git work tree (%s)", root)
	}
	if root != base {
		t.Errorf("RepoRoot outside git = %q, want the folder itself %q", root, base)
	}
}
