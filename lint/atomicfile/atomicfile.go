// Package atomicfile writes files so that readers never see half of one.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
)

// Write writes path through a temporary file in the same folder
// and a rename, so readers (CI uploaders, a concurrent run) never see a
// half-written report and a failed run leaves the previous report intact.
func Write(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
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
	return os.Rename(tmp.Name(), path)
}
