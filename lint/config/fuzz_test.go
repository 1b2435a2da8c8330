package config

import (
	"errors"
	"os"
	"path/filepath"
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
