package config

import (
	"os"
	"path/filepath"
	"strings"
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

// TestDiscoverStopsOutsideGit plays a machine inside a temporary folder:
// fakeRoot stands for "/", fakeRoot/tmp for a shared temporary folder and
// fakeRoot/home/user for the home folder.
func TestDiscoverStopsOutsideGit(t *testing.T) {
	fakeRoot := t.TempDir()
	tmp := filepath.Join(fakeRoot, "tmp")
	home := filepath.Join(fakeRoot, "home", "user")
	s := stops{home: home, shared: func(dir string) bool {
		parent := filepath.Dir(dir)
		return dir == fakeRoot || parent == fakeRoot || dir == tmp ||
			!strings.HasPrefix(dir, fakeRoot+string(filepath.Separator)) // the real folders above
	}}
	// Left by someone else in shared places: never used.
	touch(t, filepath.Join(fakeRoot, FileName))
	touch(t, filepath.Join(tmp, FileName))
	touch(t, filepath.Join(fakeRoot, "home", FileName))
	homeCfg := filepath.Join(home, FileName)
	touch(t, homeCfg)
	projCfg := filepath.Join(tmp, "build", FileName)
	touch(t, projCfg)
	// A git repository under the shared folder keeps its own rule.
	repoDir := filepath.Join(tmp, "repo")
	if err := os.MkdirAll(filepath.Join(repoDir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, script, want string
	}{
		{"directly in the shared temporary folder", filepath.Join(tmp, "x.ps1"), ""},
		{"in a job folder under it", filepath.Join(tmp, "job", "x.ps1"), ""},
		{"in a project folder with its own config", filepath.Join(tmp, "build", "eu", "x.ps1"), projCfg},
		{"under home: home's config is the last searched", filepath.Join(home, "proj", "x.ps1"), homeCfg},
		{"in a root child", filepath.Join(fakeRoot, "srv", "x.ps1"), ""},
		{"in a git work tree under tmp", filepath.Join(repoDir, "x.ps1"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := discover(tt.script, s)
			if got != tt.want || found != (tt.want != "") {
				t.Errorf("discover(%s) = %q, %v; want %q", tt.script, got, found, tt.want)
			}
		})
	}
}

func TestSystemStops(t *testing.T) {
	s := systemStops()
	for dir, want := range map[string]bool{
		"/": true, "/tmp": true, "/home": true, filepath.Clean(os.TempDir()): true, "/var/tmp": true, "/dev/shm": true,
		"/home/someone": false, "/srv/configs/eu": false,
	} {
		if got := s.shared(dir); got != want {
			t.Errorf("shared(%s) = %v, want %v", dir, got, want)
		}
	}
}
