package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that no input panics and that every rejection is a
// positioned *Error.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.hcl")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add(Starter())
	// Nesting near and past MaxNesting, in each form the scanner tracks.
	for _, open := range []string{"[", "{", "(", `"${`, "!", "<<EOF\n${"} {
		f.Add([]byte("rule \"PX105\" {\n  min_prefix_length = " + strings.Repeat(open, MaxNesting-2) + "1\n}\n"))
		f.Add([]byte("x = " + strings.Repeat(open, MaxNesting+2)))
	}
	dir := f.TempDir()
	path := filepath.Join(dir, FileName)
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := Parse(src, path, fakeLookup)
		if err != nil {
			var cerr *Error
			if !errors.As(err, &cerr) || len(cerr.Problems) == 0 {
				t.Fatalf("error %v is not a positioned *Error", err)
			}
			for _, p := range cerr.Problems {
				if p.Line < 1 || p.Column < 1 {
					t.Fatalf("problem without position: %+v", p)
				}
			}
			return
		}
		if cfg == nil {
			t.Fatal("nil config without error")
		}
	})
}
