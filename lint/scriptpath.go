package lint

import (
	"path/filepath"

	"github.com/pxlint/pxlint/lint/config"
)

// scriptPath is where a script is, computed once when the script is placed
// (engine.place) and read everywhere else: findings and reports show
// display, the policy input, rule blocks' paths, exclude globs, waivers and
// baselines use rel (DESIGN, Where findings point).
type scriptPath struct {
	// display is the path as shown to users: relative to the working
	// directory when the script is below it, slash-separated as given.
	display string
	// abs is the absolute path on disk.
	abs string
	// root is what rel is relative to: the git top level, else the
	// governing config's folder, else the script's own folder.
	root  string
	inGit bool
	// rel is the repository-relative, slash-separated path.
	rel string
}

// placePath computes a candidate's script path under root.
func placePath(c candidate, root string, inGit bool) scriptPath {
	return scriptPath{display: c.path, abs: c.abs, root: root, inGit: inGit, rel: config.RelTo(root, c.abs)}
}

// resolve turns a path of the policy input (relative to the script's root,
// like Variable.File) into an absolute one.
func (p scriptPath) resolve(rel string) string {
	fp := filepath.FromSlash(rel)
	if filepath.IsAbs(fp) {
		return fp
	}
	return filepath.Join(p.root, fp)
}
