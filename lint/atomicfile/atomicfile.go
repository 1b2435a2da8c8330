// Package atomicfile writes files so that readers never see half of one.
//
// The output paths come from the command line of a CI job, but the folder
// they land in may come from a pull request: a report path may be a
// committed symlink, or name a FIFO or a device. So a symlink is written
// through (its target is replaced, the link stays), anything but a regular
// file is refused, and a run interrupted by SIGINT or SIGTERM leaves no
// temporary file behind.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/pxlint/pxlint/lint/safeio"
)

// maxLinks bounds symlink chains, as the kernel does (ELOOP).
const maxLinks = 40

// Write writes path through a temporary file in the same folder as the
// file finally written (a symlink's target) and a rename, so readers (CI
// uploaders, a concurrent run) never see a half-written report and a failed
// run leaves the previous report intact. An existing path that is not a
// regular file (a FIFO, a device, a folder) is an error wrapping
// safeio.ErrNotRegular, and nothing is written.
func Write(path string, write func(io.Writer) error) (err error) {
	target, err := Resolve(path)
	if err != nil {
		return err
	}
	if st, err := os.Lstat(target); err == nil && !st.Mode().IsRegular() {
		return &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("%w (%s): refusing to replace it", safeio.ErrNotRegular, kind(st.Mode()))}
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return err
	}
	pending.add(tmp.Name())
	defer func() {
		pending.remove(tmp.Name())
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	// Reports and baselines are meant to be read by other tools and users: 0644, not the
	// 0600 CreateTemp uses.
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

// Resolve follows symlinks in path's last element (a chain, even dangling,
// up to maxLinks) and returns the absolute path of the file a write lands
// in. Folders on the way are resolved too when they exist, so two spellings
// of one file resolve alike.
func Resolve(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	for range maxLinks {
		p = resolveDir(p)
		st, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil // a new file: written where the path says
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = filepath.Clean(link)
	}
	return "", &fs.PathError{Op: "write", Path: path, Err: errors.New("too many levels of symbolic links")}
}

// resolveDir resolves the symlinks of p's folder, when it exists.
func resolveDir(p string) string {
	if dir, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(dir, filepath.Base(p))
	}
	return p
}

// Same reports whether two paths name the same file: the same resolved
// path, or (when both exist) the same file by os.SameFile, which also sees
// hard links.
func Same(a, b string) bool {
	ra, errA := Resolve(a)
	rb, errB := Resolve(b)
	if errA == nil && errB == nil && ra == rb {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeDir != 0:
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// pending holds the temporary files being written, for RemovePending.
var pending = &tempSet{names: map[string]bool{}}

type tempSet struct {
	mu    sync.Mutex
	names map[string]bool
}

func (s *tempSet) add(n string)    { s.mu.Lock(); s.names[n] = true; s.mu.Unlock() }
func (s *tempSet) remove(n string) { s.mu.Lock(); delete(s.names, n); s.mu.Unlock() }

// RemovePending deletes the temporary files of writes still in progress.
// The CLI calls it when SIGINT or SIGTERM ends the run (see
// RemoveOnSignal), so an interrupted CI job leaves no .tmp file behind.
func RemovePending() {
	pending.mu.Lock()
	defer pending.mu.Unlock()
	for n := range pending.names {
		_ = os.Remove(n)
		delete(pending.names, n)
	}
}
