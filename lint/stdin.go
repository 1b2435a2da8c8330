package lint

import (
	"fmt"
	"path/filepath"
	"sync"

	"github.com/pxlint/pxlint/lint/safeio"
)

// stdinDisplay is how a script read from standard input without
// --stdin-filename is named.
const stdinDisplay = "<stdin>"

// stdinCandidate is the "-" of the command line: the script on standard
// input, standing for name (--stdin-filename) so that positions, config
// discovery and relative paths work as for the file an editor has open.
func stdinCandidate(name string) (candidate, error) {
	if name == "" {
		name = stdinDisplay
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return candidate{}, fmt.Errorf("--stdin-filename %s: %w", name, err)
	}
	return candidate{path: displayPath(name), abs: abs, named: true, stdin: true}, nil
}

// stdinOnce reads Options.Stdin at most once, however many times it is
// asked (a run reads each script once, but a plan run may ask again).
type stdinOnce struct {
	once sync.Once
	b    []byte
	err  error
}

// readScript reads a script's bytes, bounded by the engine's script limit:
// from standard input for "-", else through the one opener.
func (e *engine) readScript(s *script) ([]byte, error) {
	if !s.stdin {
		return safeio.ReadFile(s.path.abs, int64(e.limits.Script))
	}
	e.stdin.once.Do(func() {
		r := e.opts.Stdin
		if r == nil {
			e.stdin.err = fmt.Errorf("-: no standard input")
			return
		}
		e.stdin.b, e.stdin.err = safeio.ReadAll(r, s.path.display, int64(e.limits.Script))
	})
	return e.stdin.b, e.stdin.err
}
