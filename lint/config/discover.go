package config

import (
	"os"
	"path/filepath"
)

// Discover finds the .pxlint.hcl that governs a script: the nearest one in
// the script's folder or above. Inside a git work tree the search stops at
// its root (the folder holding .git, a folder or a worktree file). Outside
// git it stops at the user's home (searched last) and never looks in a
// folder that others can write to: the file-system root, its children
// (/tmp, /home, /srv ...), the temporary folder (os.TempDir) or the other
// shared temporary folders (sharedTemp), so a .pxlint.hcl someone left in
// /tmp governs nothing. It never runs git.
func Discover(scriptPath string) (path string, found bool) {
	return discover(scriptPath, systemStops())
}

// stops are the bounds of discovery outside git; tests replace them,
// since their temporary folders live under the real /tmp.
type stops struct {
	home string // searched, then the search ends
	// shared reports folders never searched: the search ends below them.
	shared func(dir string) bool
}

// sharedTemp are the world-writable temporary folders below the root's
// children, besides os.TempDir.
var sharedTemp = []string{"/var/tmp", "/dev/shm", "/private/tmp", "/private/var/tmp"}

func systemStops() stops {
	home, _ := os.UserHomeDir()
	temps := map[string]bool{}
	for _, d := range append([]string{os.TempDir()}, sharedTemp...) {
		temps[filepath.Clean(d)] = true
		// /tmp is /private/tmp on macOS: scripts may be named either way.
		if real, err := filepath.EvalSymlinks(d); err == nil {
			temps[real] = true
		}
	}
	return stops{
		home: cleanAbs(home),
		shared: func(dir string) bool {
			parent := filepath.Dir(dir)
			return dir == parent || filepath.Dir(parent) == parent || temps[dir]
		},
	}
}

func cleanAbs(p string) string {
	if p == "" {
		return ""
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	return abs
}

func discover(scriptPath string, s stops) (path string, found bool) {
	abs, err := filepath.Abs(scriptPath)
	if err != nil {
		return "", false
	}
	dir := filepath.Dir(abs)
	_, inGit := RepoRoot(dir)
	for {
		if !inGit && s.shared(dir) {
			return "", false
		}
		candidate := filepath.Join(dir, FileName)
		if st, err := os.Stat(candidate); err == nil && !st.IsDir() {
			return candidate, true
		}
		if isRepoRoot(dir) || (!inGit && dir == s.home) {
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
