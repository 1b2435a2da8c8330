package lint

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pxlint/pxlint/lint/atomicfile"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/fix"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/safeio"
)

// DefaultFixPasses bounds how often pxlint fix applies fixes and re-lints:
// conflicting fixes wait for the next pass, and a fix may uncover another
// finding's fix; ten passes is far more than any script needs.
const DefaultFixPasses = 10

// FixOptions are the settings of pxlint fix beyond a lint run's.
type FixOptions struct {
	// Unsafe applies unsafe fixes too (--unsafe-fixes).
	Unsafe bool
	// MaxPasses bounds the apply-and-re-lint loop (0 = DefaultFixPasses).
	MaxPasses int
}

// AppliedFix is one fix applied, where its finding was when it applied.
type AppliedFix struct {
	RuleID  string
	Line    int // 0 for a fix of the whole file
	Column  int
	Message string
	Safety  finding.Safety
}

// FixedFile is a script that fixes changed.
type FixedFile struct {
	Path  string // as shown to users
	Abs   string
	Root  string // the repository root: a write never leaves it
	Mode  os.FileMode
	Fixes []AppliedFix
	// Before and After are the file's bytes; BeforeLines and AfterLines its
	// decoded lines with secrets masked, for diffs (secrets never travel).
	Before, After           []byte
	BeforeLines, AfterLines []string
	// Reencoded is set when the file was saved as UTF-8 with a BOM.
	Reencoded bool
	// Stdin marks the script read from standard input (PATH -): there is
	// no file to write, the caller prints After (WriteFixes skips it).
	Stdin bool
}

// FixResult is the outcome of pxlint fix.
type FixResult struct {
	// Files are the scripts that changed, in path order.
	Files []*FixedFile
	// Report is the lint of the fixed content: what remains.
	Report *finding.Report
	Rules  []rules.Rule
	Passes int
	// Pending counts the fixes still applicable in Report (the pass bound
	// was reached, or they conflict with each other every pass).
	Pending int
	// Refused says which files' fixes were not applied because their
	// result failed fix.Verify (a bug in a fixer, never written).
	Refused []string
	// Stdin is the script of PATH - as fixed (its bytes unchanged when no
	// fix applied), nil when - was not given or could not be read whole.
	Stdin []byte
}

// Fix lints opts.Paths, applies the fixes allowed by fo, re-lints the
// fixed text and repeats until nothing changes or fo.MaxPasses is reached.
// It writes nothing: the fixed bytes are in the result (WriteFixes writes
// them), so --diff and --check share the whole loop.
func Fix(ctx context.Context, opts Options, fo FixOptions) (*FixResult, error) {
	opts.WriteBaselinePath = ""
	overlay := map[string][]byte{}
	for k, v := range opts.Overlay {
		overlay[k] = v
	}
	opts.Overlay = overlay
	e, err := newEngine(opts)
	if err != nil {
		return nil, err
	}
	return e.fix(ctx, fo)
}

// fix is the loop of Fix on a prepared engine; it records the fixed bytes
// in e.opts.Overlay.
func (e *engine) fix(ctx context.Context, fo FixOptions) (*FixResult, error) {
	passes := fo.MaxPasses
	if passes <= 0 {
		passes = DefaultFixPasses
	}
	res := &FixResult{}
	byAbs := map[string]*FixedFile{}
	for pass := 0; ; pass++ {
		rep, rs, reported, err := e.run(ctx)
		if err != nil {
			return nil, err
		}
		res.Report, res.Rules, res.Passes = rep, rs, pass
		results := map[string]*finding.FileResult{}
		for i := range rep.Files {
			results[rep.Files[i].Path] = &rep.Files[i]
		}
		changed := false
		res.Pending = 0
		for _, s := range reported {
			fr := results[s.path.display]
			if fr == nil || s.src == nil {
				continue // nothing to fix
			}
			ff := byAbs[s.path.abs]
			if ff != nil {
				ff.AfterLines = fr.Lines
			}
			fixes, where := chosenFixes(fr, fo.Unsafe)
			if len(fixes) == 0 {
				continue
			}
			if pass == passes {
				res.Pending += len(fixes)
				continue
			}
			out := fix.Apply(s.raw, s.src, fixes)
			if e.afterApply != nil {
				e.afterApply(s.raw, s.src, fixes, out)
			}
			if err := fix.Verify(s.raw, s.src, fixes, out); err != nil {
				// Never keep a pass that would write a file other than the
				// one meant; the findings stay for the user to fix.
				res.Refused = append(res.Refused, fmt.Sprintf("%s: fixes not applied: %v (please report this)", s.path.display, err))
				continue
			}
			if len(out.Applied) == 0 || bytes.Equal(out.Bytes, s.raw) {
				res.Pending += len(out.Deferred)
				continue
			}
			if ff == nil {
				ff = &FixedFile{Path: s.path.display, Abs: s.path.abs, Root: s.path.root, Before: s.raw, BeforeLines: fr.Lines, Stdin: s.stdin}
				if st, err := os.Stat(s.path.abs); err == nil && !s.stdin {
					ff.Mode = st.Mode().Perm()
				}
				byAbs[s.path.abs] = ff
				res.Files = append(res.Files, ff)
			}
			for _, i := range out.Applied {
				a := where[i]
				a.Message, a.Safety = fixes[i].Message, fixes[i].Safety
				ff.Fixes = append(ff.Fixes, a)
			}
			ff.Reencoded = ff.Reencoded || out.Reencoded != ""
			ff.After = out.Bytes
			if s.stdin {
				res.Stdin = out.Bytes
			}
			e.opts.Overlay[s.path.abs] = out.Bytes
			changed = true
		}
		if !changed {
			break
		}
	}
	if res.Stdin == nil && e.stdin.err == nil && e.stdin.b != nil {
		// Unfixed, or not a variables script at all: it goes back as read,
		// so an editor that pipes its buffer through gets it unchanged.
		res.Stdin = e.stdin.b
	}
	return res, nil
}

// chosenFixes picks, for each active finding, its first fix that the
// safety level allows, with where the finding was.
func chosenFixes(fr *finding.FileResult, unsafe bool) ([]finding.Fix, []AppliedFix) {
	var fixes []finding.Fix
	var where []AppliedFix
	for i := range fr.Findings {
		f := &fr.Findings[i]
		if f.Suppressed() {
			continue
		}
		for _, fx := range f.Fixes {
			if fx.Safety.Allowed(unsafe) {
				a := AppliedFix{RuleID: f.RuleID}
				if f.Region != nil {
					a.Line, a.Column = f.Region.StartLine, f.Region.StartColumn
				}
				fixes, where = append(fixes, fx), append(where, a)
				break
			}
		}
	}
	return fixes, where
}

// AvailableFixes counts the active findings of a report that have a fix
// the safety level does not allow (so `--unsafe-fixes` would apply them).
func AvailableFixes(rep *finding.Report, unsafe bool) (allowed, withUnsafe int) {
	for i := range rep.Files {
		for j := range rep.Files[i].Findings {
			f := &rep.Files[i].Findings[j]
			if f.Suppressed() || len(f.Fixes) == 0 {
				continue
			}
			ok := false
			for _, fx := range f.Fixes {
				ok = ok || fx.Safety.Allowed(unsafe)
			}
			if ok {
				allowed++
			} else {
				withUnsafe++
			}
		}
	}
	return allowed, withUnsafe
}

// WriteFixes writes the fixed files atomically (lint/atomicfile), each
// through its symlinks only when the file finally written is inside the
// script's repository, and only when the file still holds the bytes that
// were fixed (an editor saving meanwhile wins). Every file is checked
// before any is written, so a refusal leaves all of them as they were.
// Each file keeps its mode.
func WriteFixes(files []*FixedFile) error {
	files = slices.DeleteFunc(slices.Clone(files), func(ff *FixedFile) bool { return ff.Stdin })
	targets := make([]string, len(files))
	for i, ff := range files {
		target, err := atomicfile.Resolve(ff.Abs)
		if err != nil {
			return fmt.Errorf("%s: %w", ff.Path, err)
		}
		root, err := filepath.EvalSymlinks(ff.Root)
		if err != nil {
			root = ff.Root
		}
		if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%s: not fixed: it is a symlink to %s, outside the repository %s", ff.Path, target, root)
		}
		now, err := safeio.ReadFile(ff.Abs, int64(safeio.ScriptLimits.Script))
		if err != nil {
			return fmt.Errorf("%s: %w", ff.Path, unwrapPathError(err))
		}
		if !bytes.Equal(now, ff.Before) {
			return fmt.Errorf("%s: not fixed: the file changed while pxlint read it", ff.Path)
		}
		targets[i] = target
	}
	for i, ff := range files {
		after := ff.After
		if err := atomicfile.Write(ff.Abs, func(w io.Writer) error { _, err := w.Write(after); return err }); err != nil {
			return fmt.Errorf("%s: %w", ff.Path, err)
		}
		if ff.Mode != 0 && ff.Mode != 0o644 {
			if err := os.Chmod(targets[i], ff.Mode); err != nil {
				return fmt.Errorf("%s: %w", ff.Path, err)
			}
		}
	}
	return nil
}
