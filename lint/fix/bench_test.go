package fix

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
)

// BenchmarkRead and BenchmarkAttach compare what computing fixes adds to
// every lint run with reading the same scripts (decode, parse, evaluate),
// which every run does anyway. Attach runs on made-up findings at every
// place a rule could point, hundreds per script where a real run has a
// handful, so its ns/finding is the number to scale.
func benchScripts(b *testing.B) [][]byte {
	m, _ := filepath.Glob("../../examples/bad/*.ps1")
	var out [][]byte
	for _, name := range m {
		raw, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, raw)
	}
	return out
}

func BenchmarkRead(b *testing.B) {
	scripts := benchScripts(b)
	for b.Loop() {
		for _, raw := range scripts {
			_ = contextOfRaw(raw)
		}
	}
}

func BenchmarkAttach(b *testing.B) {
	scripts := benchScripts(b)
	ctxs := make([]*Context, len(scripts))
	findings := make([][]finding.Finding, len(scripts))
	for i, raw := range scripts {
		ctxs[i] = contextOfRaw(raw)
		findings[i] = madeUpFindings(ctxs[i])
	}
	n := 0
	for _, fs := range findings {
		n += len(fs)
	}
	b.ResetTimer()
	for b.Loop() {
		for i := range ctxs {
			Attach(ctxs[i], findings[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/finding")
	b.ReportMetric(float64(n)/float64(len(scripts)), "findings/script")
}
