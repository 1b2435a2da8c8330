package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/safeio"
)

// candidate is a .ps1 file found on the command line or by walking a folder.
type candidate struct {
	path  string // as shown to users
	abs   string
	named bool // named on the command line (not found by walking)
	stdin bool // read from Options.Stdin ("-"), abs is the path it stands for
}

// discover expands the command-line paths into .ps1 candidates. A path that
// does not exist or cannot be opened is an error (exit code 2); folders are
// walked, skipping hidden folders and vendored trees.
func discover(paths []string, stdinName string) ([]candidate, error) {
	seen := map[string]bool{}
	var out []candidate
	add := func(p string, named bool) error {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		out = append(out, candidate{path: displayPath(p), abs: abs, named: named})
		return nil
	}
	for _, p := range paths {
		if p == "-" {
			c, err := stdinCandidate(stdinName)
			if err != nil {
				return nil, err
			}
			if seen[c.abs] {
				return nil, fmt.Errorf("-: %s is also named on the command line", c.path)
			}
			seen[c.abs] = true
			out = append(out, c)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		if !st.IsDir() {
			if err := openable(p); err != nil {
				return nil, err
			}
			if err := add(p, true); err != nil {
				return nil, err
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", q, unwrapPathError(err))
			}
			if d.IsDir() {
				if q != p && skipDir(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.EqualFold(filepath.Ext(q), ".ps1") {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		for _, q := range found {
			// A .ps1 that cannot be read (no permission, a FIFO, a dangling
			// or special symlink) is exit code 2 naming it, never a silent
			// "assigns no $Px variable".
			if err := openable(q); err != nil {
				return nil, err
			}
			if err := add(q, false); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// openable checks that p opens as a regular file, through the one bounded
// opener: no FIFO, socket or device is ever opened for a blocking read.
func openable(p string) error {
	f, err := safeio.Open(p)
	if err != nil {
		return fmt.Errorf("%s: %w", p, unwrapPathError(err))
	}
	return f.Close()
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor"
}

// unwrapPathError drops the path os errors repeat, so messages name it once.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// displayPath shows a path relative to the working directory when it lies
// below it (as users typed it, and as CI annotations expect), else absolute;
// always slash-separated.
func displayPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
		p = abs
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// mentionsPx is a cheap pre-filter for folder walks: a script that never
// writes `$Px` cannot be a variables script, so it is not worth parsing.
// It looks for `$px` in any case, written in UTF-8 (or a single-byte
// code page), UTF-16 or UTF-32 of either byte order.
func mentionsPx(b []byte) bool {
	lower := bytes.ToLower(b) // NUL bytes of the wider encodings are left alone
	for _, pattern := range pxPatterns {
		if bytes.Contains(lower, pattern) {
			return true
		}
	}
	return false
}

// pxPatterns are `$px` in UTF-8, UTF-16 LE/BE and UTF-32 LE/BE.
var pxPatterns = [][]byte{
	[]byte("$px"),
	{'$', 0, 'p', 0, 'x', 0},
	{0, '$', 0, 'p', 0, 'x'},
	{'$', 0, 0, 0, 'p', 0, 0, 0, 'x', 0, 0, 0},
	{0, 0, 0, '$', 0, 0, 0, 'p', 0, 0, 0, 'x'},
}

// hasUTF32BOM reports a UTF-32 byte order mark (LE FF FE 00 00, BE 00 00
// FE FF). Windows tools can write such a script; the walk must not drop it.
func hasUTF32BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF})
}

// repoScripts lists the .ps1 files of a git work tree that may be variables
// scripts, for repository context: hidden folders and testdata/ folders are
// skipped (DESIGN, Repository context).
func repoScripts(root string) []string {
	var out []string
	_ = filepath.WalkDir(root, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil //nolint:nilerr // an unreadable folder is just not context
		}
		if d.IsDir() {
			if q != root && (skipDir(d.Name()) || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.EqualFold(filepath.Ext(q), ".ps1") {
			out = append(out, q)
		}
		return nil
	})
	sort.Strings(out)
	return out
}
