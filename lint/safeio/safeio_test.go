package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "a.ps1")
	if err := os.WriteFile(regular, []byte("$PxA = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := ReadFile(regular, 100)
	if err != nil || string(b) != "$PxA = 1\n" {
		t.Fatalf("regular file: %q, %v", b, err)
	}
	b, err = ReadFile(regular, 4)
	if !errors.Is(err, ErrTooLarge) || string(b) != "$PxA" {
		t.Fatalf("over the bound: %q, %v; want the first 4 bytes and ErrTooLarge", b, err)
	}
	if _, err := ReadFile(dir, 100); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("directory: %v, want ErrNotRegular", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 100); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing: %v, want ErrNotExist", err)
	}
}
