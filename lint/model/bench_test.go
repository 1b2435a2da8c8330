package model

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

// BenchmarkEvaluate decodes, parses and evaluates a typical 64-line
// variables script (examples/az/variables.ps1) per iteration.
func BenchmarkEvaluate(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "examples", "az", "variables.ps1"))
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{Path: "examples/az/variables.ps1", Dir: filepath.Join(repoRoot, "examples", "az")}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		src, f := ps.ParseBytes(data, ps.DefaultLimits())
		if r := Evaluate(src, f, opts); len(r.Input.Variables) == 0 {
			b.Fatal("nothing evaluated")
		}
	}
}

// BenchmarkEvaluateOnly measures the evaluator alone on the same script.
func BenchmarkEvaluateOnly(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "examples", "az", "variables.ps1"))
	if err != nil {
		b.Fatal(err)
	}
	src, f := ps.ParseBytes(data, ps.DefaultLimits())
	opts := Options{Path: "examples/az/variables.ps1"}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(src, f, opts)
	}
}
