// Package safeio is the one way pxlint opens the files it reads. Every input
// (scripts, dot-sourced files, certificates, facts, inventory, baselines, user
// policies and schemas, CA files, password files, .pxlint.hcl) may come from an
// untrusted pull request, so a path is read only when it names a regular file
// (after following symlinks), and never more than a bound: a FIFO, a socket, a
// device, /proc/self/fd/N or a symlink to one of them is refused instead of
// blocking the run or exhausting memory.
package safeio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Bounds for the kinds of input pxlint reads. They are generous for real
// files and small enough that a hostile one cannot exhaust memory. The three
// that bound one script travel together as ScriptLimits.
const (
	ScriptBytes    = 2 << 20  // one script as read from disk (PX011 beyond it)
	DecodedBytes   = 2 << 20  // one script's decoded text, what the parser accepts
	DotSourceBytes = 4 << 20  // one dot-sourced file of a script
	CertBytes      = 1 << 20  // a PFX, PEM or DER file
	DocumentBytes  = 64 << 20 // facts, inventory, baseline, exports (JSON)
	PolicyBytes    = 4 << 20  // one user Rego or CUE file, one .pxlint.hcl
	SmallBytes     = 64 << 10 // password files and the like
)

// Limits are the size caps of reading one script, as one value the engine
// hands to every step that reads script text: the reader (Script), the
// parser (Decoded: UTF-16 and Windows-1252 text changes size when decoded)
// and the evaluator reading dot-sourced files (DotSource). Reading the same
// script at a git revision (--against) uses the same value.
type Limits struct {
	Script    int
	Decoded   int
	DotSource int
}

// ScriptLimits are pxlint's size caps for one script.
var ScriptLimits = Limits{Script: ScriptBytes, Decoded: DecodedBytes, DotSource: DotSourceBytes}

// ErrNotRegular is returned for anything but a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned when a file holds more than the bound.
var ErrTooLarge = errors.New("file too large")

// ReadFile reads at most limit bytes of the regular file at path. A larger
// file is ErrTooLarge (the bytes read so far, limit of them, are returned with
// it so a caller can still report a position); anything but a regular file is
// ErrNotRegular, wrapped in an *fs.PathError naming the path.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f, path, limit)
}

// Open opens path for reading only if it is a regular file. The check is done
// on the path before opening (so no device or FIFO is ever opened for
// blocking I/O) and again on the open descriptor (so a file swapped between
// the two steps is still refused).
func Open(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(path, st.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	st, err = f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		_ = f.Close()
		return nil, notRegular(path, st.Mode())
	}
	return f, nil
}

// ReadAll reads at most limit bytes of a stream that is not a file on disk
// (standard input, for `pxlint lint -`), with ReadFile's ErrTooLarge
// contract; name is what an error calls the stream.
func ReadAll(r io.Reader, name string, limit int64) ([]byte, error) {
	return readAll(r, name, limit)
}

func readAll(r io.Reader, path string, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return b[:limit], &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)}
	}
	return b, nil
}

func notRegular(path string, m fs.FileMode) error {
	kind := "special file"
	switch {
	case m&fs.ModeDir != 0:
		kind = "directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind)}
}
