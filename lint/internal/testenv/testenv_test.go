package testenv

import (
	"fmt"
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
