package lint_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/report"
)

// TestPX206OutputIsLinear lints n copies of one script (every pair
// collides on every name) and asserts that each script gets one PX206
// finding per colliding variable with at most 10 related locations, so that
// findings, related locations and the SARIF report grow linearly with n
// (they grew with n², 916 MB of SARIF for 300 scripts).
func TestPX206OutputIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 100 scripts")
	}
	src, err := os.ReadFile(filepath.Join("..", "examples", "bad", "px206", "weu.ps1"))
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[int]int{}
	for _, n := range []int{20, 80} {
		dir := t.TempDir()
		for i := range n {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%03d.ps1", i)), src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		rep, rs, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Now: exampleClock})
		if err != nil {
			t.Fatal(err)
		}
		for _, fr := range rep.Files {
			perVariable := map[string]int{}
			for _, f := range fr.Findings {
				if f.RuleID != "PX206" {
					continue
				}
				perVariable[f.Variable]++
				if len(f.Related) == 0 || len(f.Related) > 10 {
					t.Fatalf("n=%d %s: %d related locations, want 1 to 10", n, fr.Path, len(f.Related))
				}
			}
			if len(perVariable) != 4 {
				t.Fatalf("n=%d %s: PX206 on %v, want the base name, both resource groups and the FQDN", n, fr.Path, perVariable)
			}
			for v, c := range perVariable {
				if c != 1 {
					t.Fatalf("n=%d %s: %d PX206 findings on $%s, want one", n, fr.Path, c, v)
				}
			}
		}
		sarif, _ := report.Get("sarif")
		var buf bytes.Buffer
		if err := sarif.Format(&buf, rep, rs, report.Options{}); err != nil {
			t.Fatal(err)
		}
		sizes[n] = buf.Len()
	}
	// Four times the scripts: about four times the bytes (sixteen if
	// quadratic); the margin covers longer file names and counts.
	if ratio := float64(sizes[80]) / float64(sizes[20]); ratio > 5 {
		t.Errorf("SARIF grows %.1f× for 4× the scripts (%d → %d bytes)", ratio, sizes[20], sizes[80])
	}
}
