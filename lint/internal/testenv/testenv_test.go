package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records whether the test skipped or failed.
type recorder struct {
	testing.TB
	skipped, failed bool
	msg             string
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped, r.msg = true, fmt.Sprintf(format, args...)
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
}

func TestMissingToolSkipsLocallyAndFailsInCI(t *testing.T) {
	cases := []struct {
		name, ci, require string
		wantFail          bool
	}{
		{"developer machine", "", "", false},
		{"CI=false", "false", "", false},
		{"CI=true (GitHub, GitLab, and .ci/run's runner)", "true", "", true},
		{"PXLINT_REQUIRE_TOOLS=1 (.ci/run)", "", "1", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("CI", c.ci)
			t.Setenv("PXLINT_REQUIRE_TOOLS", c.require)
			t.Setenv("PATH", t.TempDir())
			r := &recorder{TB: t}
			if p := Tool(r, "apt-get install no-such-tool", "pxlint-no-such-tool"); p != "" {
				t.Fatalf("found %s", p)
			}
			if r.failed != c.wantFail || r.skipped == c.wantFail {
				t.Errorf("failed=%v skipped=%v, want failed=%v (%s)", r.failed, r.skipped, c.wantFail, r.msg)
			}
		})
	}
}

func TestToolFindsOnPath(t *testing.T) {
	t.Setenv("CI", "true")
	r := &recorder{TB: t}
	if p := Tool(r, "", "pxlint-no-such-tool", "go"); p == "" || r.failed || r.skipped {
		t.Errorf("go not found: %q %v", p, r.msg)
	}
}

func TestCheckCopies(t *testing.T) {
	shared, local := t.TempDir(), t.TempDir()
	write := func(p, body string) {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(shared, "a.txt"), "a")
	write(filepath.Join(local, "same.txt"), "a")
	write(filepath.Join(local, "changed.txt"), "b")
	for _, c := range []struct {
		name, copy, origin, shared string
		failures                   int
	}{
		{"equal copy", "same.txt", "a.txt", shared, 0},
		{"changed copy", "changed.txt", "a.txt", shared, 1},
		{"missing copy", "none.txt", "a.txt", shared, 1},
		{"missing origin", "same.txt", "gone.txt", shared, 1},
		{"no shared folder (a clone from GitHub)", "changed.txt", "a.txt", "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &copyRecorder{TB: t}
			checkCopiesIn(r, c.shared, map[string]string{filepath.Join(local, c.copy): c.origin})
			if r.errors != c.failures {
				t.Errorf("%d failures, want %d", r.errors, c.failures)
			}
		})
	}
}

type copyRecorder struct {
	testing.TB
	errors int
}

func (r *copyRecorder) Helper()               {}
func (r *copyRecorder) Errorf(string, ...any) { r.errors++ }
