package model

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

// evaluate parses and evaluates a script given as text (lines joined with
// "\n"). Syntax errors fail the test: table cases must be valid PowerShell.
func evaluate(t testing.TB, script string, opts ...func(*Options)) *Result {
	t.Helper()
	src := ps.NewSource(script)
	f := ps.Parse(src, ps.DefaultLimits())
	for _, d := range f.Diagnostics {
		if d.Rule == ps.RuleParseError {
			t.Fatalf("script does not parse: %s at %s\n%s", d.Message, d.Span, script)
		}
	}
	o := Options{Path: "vars/variables.ps1", Dir: "vars", ReadFile: noFiles}
	for _, f := range opts {
		f(&o)
	}
	return Evaluate(src, f, o)
}

func noFiles(name string) ([]byte, error) {
	return nil, fmt.Errorf("open %s: %w", name, fs.ErrNotExist)
}

// files serves dot-sourced files from a map keyed by slash path.
func files(m map[string]string) func(*Options) {
	return func(o *Options) {
		o.ReadFile = func(name string) ([]byte, error) {
			if s, ok := m[filepath.ToSlash(name)]; ok {
				return []byte(s), nil
			}
			return noFiles(name)
		}
	}
}

// lines joins script lines.
func lines(l ...string) string { return strings.Join(l, "\n") + "\n" }

// variable returns a variable of the result or fails.
func variable(t testing.TB, r *Result, name string) *Variable {
	t.Helper()
	v := r.Input.Variables[name]
	if v == nil {
		names := make([]string, 0, len(r.Input.Variables))
		for n := range r.Input.Variables {
			names = append(names, n)
		}
		t.Fatalf("no variable %s; have %v", name, names)
	}
	return v
}

// command returns the i-th command with the given name or fails.
func command(t testing.TB, r *Result, name string, i int) Command {
	t.Helper()
	for _, c := range r.Input.Commands {
		if c.Name == name {
			if i == 0 {
				return c
			}
			i--
		}
	}
	t.Fatalf("no command %s (#%d) in %+v", name, i, r.Input.Commands)
	return Command{}
}

// param returns the named parameter of a command or fails.
func param(t testing.TB, c Command, name string) Parameter {
	t.Helper()
	for _, p := range c.Parameters {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("command %s has no parameter %s: %+v", c.Name, name, c.Parameters)
	return Parameter{}
}
