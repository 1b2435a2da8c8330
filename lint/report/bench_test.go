package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
)

// bigReport repeats the fixture's files to make a 1,000-script report.
func bigReport() *finding.Report {
	r := fixtureReport()
	base := r.Files
	r.Files = nil
	for i := 0; len(r.Files) < 1000; i++ {
		for _, fr := range base {
			fr.Path = fmt.Sprintf("r%04d/%s", i, fr.Path)
			r.Files = append(r.Files, fr)
		}
	}
	r.Files = r.Files[:1000]
	return r
}

func BenchmarkFormat1000Scripts(b *testing.B) {
	r, rs := bigReport(), fixtureRules()
	for _, name := range Names() {
		f, _ := Get(name)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := f.Format(io.Discard, r, rs, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
