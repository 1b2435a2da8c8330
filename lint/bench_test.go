package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/internal/cputime"
)

// generatedScript is a clean az-profile script; i makes its names,
// subscription and FQDN unique so that 1,000 of them do not collide (PX206).
func generatedScript(i int) string {
	src, err := os.ReadFile(filepath.Join("..", "examples", "az", "variables.ps1"))
	if err != nil {
		panic(err)
	}
	s := string(src)
	s = strings.Replace(s, `"fabrikam"`, fmt.Sprintf(`"fab%05d"`, i), 1)
	s = strings.Replace(s, "teams-weu.fabrikam.net", fmt.Sprintf("teams-%05d.fabrikam.net", i), 1)
	s = strings.Replace(s, "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11", fmt.Sprintf("3f2c5a1e-8d4b-4c6a-9e1f-%012d", i), 1)
	return s
}

// regionalScript is a clean az-profile script of the one subscription all
// regions share (the usual layout of a config repository): i makes its
// base name, and so its resource names, and its FQDN unique, so that no two
// collide, although PX206 could compare every pair.
func regionalScript(i int) string {
	src, err := os.ReadFile(filepath.Join("..", "examples", "az", "variables.ps1"))
	if err != nil {
		panic(err)
	}
	s := string(src)
	s = strings.Replace(s, `"fabrikam"`, fmt.Sprintf(`"fab%05d"`, i), 1)
	return strings.ReplaceAll(s, "teams-weu.fabrikam.net", fmt.Sprintf("teams-%05d.fabrikam.net", i))
}

func writeScripts(b *testing.B, n int) string {
	return writeGenerated(b, n, generatedScript)
}

func writeGenerated(b *testing.B, n int, gen func(int) string) string {
	dir := b.TempDir()
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("region%05d.ps1", i)), []byte(gen(i)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkRunOne is one whole lint run of one typical script, including
// loading the CUE schema and preparing the Rego policies (the cold start a
// user pays per invocation, minus process start).
func BenchmarkRunOne(b *testing.B) {
	dir := writeScripts(b, 1)
	b.ResetTimer()
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		if _, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Now: exampleClock}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// reportCPU adds CPU time per op to ns/op: on a shared machine it shows
// the work, where wall-clock time shows the load.
func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cputime.Process()-since)/float64(b.N), "cpu-ns/op")
}

// BenchmarkRunMany lints 100 and 1,000 generated scripts in one run (the
// bounded worker pool shares one prepared query); compare ns/op with
// BenchmarkRunOne for the per-script cost.
func BenchmarkRunMany(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := writeScripts(b, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Now: exampleClock})
				if err != nil {
					b.Fatal(err)
				}
				if len(rep.Files) != n {
					b.Fatalf("linted %d files", len(rep.Files))
				}
			}
		})
	}
}

// BenchmarkRunOneSubscription lints 1,000 regional scripts of one
// subscription in one run: every script is a PX206 candidate for every
// other, so the peer index must keep each script's repository context to
// the scripts it collides with (none here) for the run to stay linear.
func BenchmarkRunOneSubscription(b *testing.B) {
	for _, n := range []int{250, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := writeGenerated(b, n, regionalScript)
			b.ResetTimer()
			cpu := cputime.Process()
			for i := 0; i < b.N; i++ {
				rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Now: exampleClock})
				if err != nil {
					b.Fatal(err)
				}
				if len(rep.Files) != n {
					b.Fatalf("linted %d files", len(rep.Files))
				}
				for _, fr := range rep.Files {
					if len(fr.Findings) != 0 {
						b.Fatalf("%s: %d findings, want none (%s)", fr.Path, len(fr.Findings), fr.Findings[0].Message)
					}
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkPlanMany is BenchmarkRunMany's 100 scripts through lint.Plans:
// the same run plus the derived-names query and the plan of each script.
// Compare with BenchmarkRunMany/100 for the cost of planning.
func BenchmarkPlanMany(b *testing.B) {
	dir := writeScripts(b, 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, _, err := lint.Plans(context.Background(), lint.Options{Paths: []string{dir}, Now: exampleClock})
		if err != nil || len(res) != 100 {
			b.Fatal(err, len(res))
		}
	}
}
