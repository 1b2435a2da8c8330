package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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

func TestReadAllBoundsAStream(t *testing.T) {
	b, err := ReadAll(strings.NewReader("12345"), "-", 5)
	if err != nil || string(b) != "12345" {
		t.Errorf("ReadAll at the bound = %q, %v", b, err)
	}
	b, err = ReadAll(strings.NewReader("123456"), "-", 5)
	if !errors.Is(err, ErrTooLarge) || string(b) != "12345" {
		t.Errorf("ReadAll past the bound = %q, %v; want the first 5 bytes and ErrTooLarge", b, err)
	}
}
