package lint

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/ps"
)

// FuzzFix applies fixes (unsafe ones too) to arbitrary files and checks
// that every byte outside the edited spans is unchanged, that the result
// decodes in the same encoding to the edited text (or, re-encoded, to the
// same text as UTF-8 with a BOM), and that once the loop has converged a
// second `fix` is a no-op. Seeds: the bad and encoding examples, and the
// bad ones saved as UTF-16 LE/BE, Windows-1252 and with CRLF.
func FuzzFix(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"../examples/bad/*.ps1", "../examples/encoding/*.ps1", "../examples/az/*.ps1"} {
		m, _ := filepath.Glob(pattern)
		seeds = append(seeds, m...)
	}
	for i, name := range seeds {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		if testing.Short() && strings.Contains(name, "bad") && i%4 != 0 {
			continue // -short: every engine run counts; a quarter of the bad examples
		}
		f.Add(b)
		if !strings.Contains(name, "bad") || i%3 != 0 {
			continue
		}
		crlf := bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
		f.Add(crlf)
		le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(crlf)
		f.Add(le)
		be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes(b)
		f.Add(be)
		if w, err := charmap.Windows1252.NewEncoder().Bytes(append(b, "# Zoë\n"...)); err == nil {
			f.Add(w)
		}
	}
	dir := f.TempDir()
	path := filepath.Join(dir, "variables.ps1")
	if err := os.WriteFile(path, []byte("$PxBaseConnName = \"seed\"\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	abs, _ := filepath.Abs(path)
	e, err := newEngine(Options{Paths: []string{path}, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC), Jobs: 1})
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 16<<10 {
			return
		}
		// Every pass is checked edit by edit; then a second run on the
		// converged result must change nothing.
		e.afterApply = func(raw []byte, src *ps.Source, fixes []finding.Fix, res fix.Result) {
			if err := fix.Verify(raw, src, fixes, res); err != nil {
				t.Fatalf("%v\n%q\n→ %q", err, raw, res.Bytes)
			}
		}
		defer func() { e.afterApply = nil }()
		e.opts.Overlay = map[string][]byte{abs: data}
		first, err := e.fix(ctx, FixOptions{Unsafe: true})
		if err != nil {
			t.Fatalf("fix: %v", err)
		}
		if len(first.Files) == 0 {
			return // nothing to fix: nothing to repeat
		}
		if first.Pending > 0 {
			return // the pass bound was reached: a second run may go on
		}
		fixed := e.opts.Overlay[abs]
		e.opts.Overlay = map[string][]byte{abs: fixed}
		second, err := e.fix(ctx, FixOptions{Unsafe: true})
		if err != nil {
			t.Fatalf("second fix: %v", err)
		}
		for _, ff := range second.Files {
			t.Fatalf("a second fix changes the file again: %+v\n%q\n→ %q", ff.Fixes, fixed, ff.After)
		}
	})
}
