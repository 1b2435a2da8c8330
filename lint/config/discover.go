package config

import (
	"os"
	"path/filepath"
)

// Discover finds the .pxlint.hcl that governs a script: the nearest one in
// the script's folder or above, stopping at the repository root (the folder
// holding .git, a folder or a worktree file) or, outside git, the file-system
// root. It never runs git.
func Discover(scriptPath string) (path string, found bool) {
	abs, err := filepath.Abs(scriptPath)
	if err != nil {
		return "", false
	}
	dir := filepath.Dir(abs)
	for {
		candidate := filepath.Join(dir, FileName)
		if st, err := os.Stat(candidate); err == nil && !st.IsDir() {
			return candidate, true
		}
		if isRepoRoot(dir) {
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// RepoRoot returns the git top level containing dir (the nearest folder
// with a .git entry), or dir itself with inGit false when there is none.
func RepoRoot(dir string) (root string, inGit bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir, false
	}
	for d := abs; ; {
		if isRepoRoot(d) {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs, false
		}
		d = parent
	}
}

// ScriptRoot is what a script's one path is relative to (for rule blocks'
// paths and exclude, waivers, severity, baselines and the policy input): its
// git top level, else the governing config's folder, else its own folder.
// file must be absolute.
func ScriptRoot(cfg *Config, file string) (root string, inGit bool) {
	root, inGit = RepoRoot(filepath.Dir(file))
	if !inGit && cfg != nil {
		root = cfg.Dir
	}
	return root, inGit
}

func isRepoRoot(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, ".git"))
	return err == nil
}
