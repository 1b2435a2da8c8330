package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps failures instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatal(args ...any) { r.errors = append(r.errors, fmt.Sprint(args...)) }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	same := filepath.Join(dir, "same.txt")
	if err := os.WriteFile(same, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, got string
		update          bool
		wantErr         []string // substrings of the one failure; none: passes
		wantFile        string   // the file's content afterwards
	}{
		{name: "equal passes", path: same, got: "a\nb\n", wantFile: "a\nb\n"},
		{name: "equal passes under -update, file untouched", path: same, got: "a\nb\n", update: true, wantFile: "a\nb\n"},
		{name: "difference fails with a unified diff", path: same, got: "a\nc\n",
			wantErr: []string{"output differs from " + same, "-b", "+c", "-update"}, wantFile: "a\nb\n"},
		{name: "missing fails and names the update command", path: filepath.Join(dir, "none.txt"), got: "x\n",
			wantErr: []string{"missing golden file", "go test ./lint/internal/golden -run '^TestCheck$' -update"}},
		{name: "update creates and still fails", path: filepath.Join(dir, "new", "made.txt"), got: "x\n", update: true,
			wantErr: []string{"created", "review it", "+x"}, wantFile: "x\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old := *update
			*update = c.update
			defer func() { *update = old }()
			r := &recorder{TB: t}
			Check(r, c.path, []byte(c.got))
			switch {
			case len(c.wantErr) == 0 && len(r.errors) > 0:
				t.Fatalf("failed: %v", r.errors)
			case len(c.wantErr) > 0 && len(r.errors) != 1:
				t.Fatalf("want one failure, got %q", r.errors)
			}
			for _, w := range c.wantErr {
				if !strings.Contains(r.errors[0], w) {
					t.Errorf("failure lacks %q:\n%s", w, r.errors[0])
				}
			}
			if c.wantFile != "" {
				b, err := os.ReadFile(c.path)
				if err != nil || string(b) != c.wantFile {
					t.Errorf("file holds %q (%v), want %q", b, err, c.wantFile)
				}
			} else if _, err := os.Stat(c.path); err == nil {
				t.Errorf("%s was written without -update", c.path)
			}
		})
	}
	// A rewrite under -update also fails, with the diff of what changed.
	*update = true
	defer func() { *update = false }()
	r := &recorder{TB: t}
	Check(r, same, []byte("a\nz\n"))
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "rewrote") || !strings.Contains(r.errors[0], "+z") {
		t.Errorf("rewrite: %q", r.errors)
	}
}

func TestDiffIsBounded(t *testing.T) {
	var want, got strings.Builder
	for range 500 {
		want.WriteString("w\n")
		got.WriteString("g\n")
	}
	d := Diff("x", []byte(want.String()), []byte(got.String()))
	if n := strings.Count(d, "\n"); n > maxDiffLines+1 {
		t.Errorf("diff has %d lines, want at most %d", n, maxDiffLines+1)
	}
	if !strings.Contains(d, "more diff lines") {
		t.Error("a cut diff does not say so")
	}
}
