package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pxlint/pxlint/lint/atomicfile"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
	"github.com/pxlint/pxlint/lint/suggest"
)

// Output is one --format FORMAT[=PATH] destination.
type Output struct {
	Format string // a name from Names()
	Path   string // "" means standard output
	f      Formatter
}

// ParseOutputs reads repeatable --format FORMAT[=PATH] values. At most one
// output may go to standard output, no file may be named twice (however
// spelled: a.json, $PWD/a.json, a symlink to it), and an unknown format is
// an error (exit code 2 for the CLI). No specs means the default format on
// standard output.
func ParseOutputs(specs []string) ([]Output, error) {
	if len(specs) == 0 {
		specs = []string{DefaultFormat}
	}
	outs := make([]Output, 0, len(specs))
	stdout := ""
	var files []Output
	for _, spec := range specs {
		name, path, hasPath := strings.Cut(spec, "=")
		name = strings.ToLower(strings.TrimSpace(name))
		f, ok := Get(name)
		if !ok {
			return nil, fmt.Errorf("unknown format %q in --format %q%s(known: %s)", name, spec, suggest.Hint(name, Names())+" ", strings.Join(Names(), ", "))
		}
		switch {
		case hasPath && path == "":
			return nil, fmt.Errorf("--format %q: empty path after '='", spec)
		case !hasPath:
			if stdout != "" {
				return nil, fmt.Errorf("--format %s and --format %s both write to standard output; give one of them a path (FORMAT=PATH)", stdout, name)
			}
			stdout = name
		default:
			for _, prev := range files {
				if atomicfile.Same(prev.Path, path) {
					return nil, fmt.Errorf("--format %s=%s and --format %s=%s both write to one file", prev.Format, prev.Path, name, path)
				}
			}
			files = append(files, Output{Format: name, Path: path})
		}
		outs = append(outs, Output{Format: name, Path: path, f: f})
	}
	return outs, nil
}

// WriteAll renders r to every output: the one without a path to stdout
// (coloured when opt.Color), the others to their files, written atomically
// (a temporary file in the same folder, then a rename) with missing parent
// folders created and never coloured. It writes every output it can and
// returns the errors of those it could not.
func WriteAll(outs []Output, stdout io.Writer, r *finding.Report, rs []rules.Rule, opt Options) error {
	var errs []error
	for _, o := range outs {
		f := o.f
		if f == nil {
			var ok bool
			if f, ok = Get(o.Format); !ok {
				errs = append(errs, fmt.Errorf("unknown format %q", o.Format))
				continue
			}
		}
		if opt.ASCII {
			f = asciiFormatter(o.Format, f)
		}
		if o.Path == "" {
			if err := f.Format(stdout, r, rs, opt); err != nil {
				errs = append(errs, fmt.Errorf("writing %s to standard output: %w", o.Format, err))
			}
			continue
		}
		fileOpt := opt
		fileOpt.Color = false
		if err := atomicfile.Write(o.Path, func(w io.Writer) error { return f.Format(w, r, rs, fileOpt) }); err != nil {
			errs = append(errs, fmt.Errorf("writing %s report: %w", o.Format, err))
		}
	}
	return errors.Join(errs...)
}

// asciiFormatter wraps a formatter so that what it writes is ASCII in the
// style of its format (ascii.go).
func asciiFormatter(format string, f Formatter) Formatter {
	return FormatterFunc(func(w io.Writer, r *finding.Report, rs []rules.Rule, opt Options) error {
		aw := newASCIIWriter(w, format)
		if err := f.Format(aw, r, rs, opt); err != nil {
			return err
		}
		return aw.Flush()
	})
}
