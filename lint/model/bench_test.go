package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// BenchmarkEvaluateLarge decodes, parses and evaluates a 10,000-line script
// (the typical script's assignments repeated with numbered names).
func BenchmarkEvaluateLarge(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() == 0 || strings.Count(sb.String(), "\n") < 10000; i++ {
		fmt.Fprintf(&sb, "$PxBase%d = \"fabrikam\"\n$PxRegion%d = \"weu\"\n", i, i)
		fmt.Fprintf(&sb, "$PxRg%d = \"$($PxBase%d)-TeamsConn-$($PxRegion%d)-RG\"\n", i, i, i)
		fmt.Fprintf(&sb, "$PxMgmt%d = @(\"91.90.42.64/26\")\n", i)
		fmt.Fprintf(&sb, "$PxNodes%d = @(\n    \"80.213.4.17\",\n    \"31.45.128.0/27\"\n) + $PxMgmt%d\n", i, i)
		fmt.Fprintf(&sb, "Write-Host \"Deploying $PxRg%d\" -ForegroundColor Cyan\n", i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		src, f := ps.ParseBytes(data, ps.DefaultLimits())
		if r := Evaluate(src, f, Options{Path: "large.ps1"}); len(r.Diagnostics) != 0 {
			b.Fatal(r.Diagnostics)
		}
	}
}
