package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/golden"
)

// goldenName is the golden file of each format (and of coloured pretty).
var goldenName = map[string]string{
	"pretty": "report.pretty.txt", "json": "report.json", "sarif": "report.sarif",
	"junit": "report.junit.xml", "checkstyle": "report.checkstyle.xml",
	"github": "report.github.txt", "gitlab": "report.gitlab.json", "azure": "report.azure.txt", "compact": "report.compact.txt",
}

// render runs one formatter on the fixture.
func render(t *testing.T, format string, opt Options) []byte {
	t.Helper()
	f, ok := Get(format)
	if !ok {
		t.Fatalf("format %q not registered", format)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, fixtureReport(), fixtureRules(), opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	if len(goldenName) != len(Names()) {
		t.Fatalf("golden files for %d formats, %d formats registered: %v", len(goldenName), len(Names()), Names())
	}
	for _, format := range Names() {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, Options{})
			golden.Check(t, filepath.Join("testdata", goldenName[format]), got)
			// Same input, same bytes: no map order, no wall clock.
			for range 3 {
				if again := render(t, format, Options{}); !bytes.Equal(got, again) {
					t.Fatal("output differs between two runs on the same report")
				}
			}
		})
	}
	t.Run("pretty-color", func(t *testing.T) {
		golden.Check(t, filepath.Join("testdata", "report.pretty-color.txt"), render(t, "pretty", Options{Color: true}))
	})
	t.Run("junit-strict", func(t *testing.T) {
		golden.Check(t, filepath.Join("testdata", "report.junit-strict.xml"), render(t, "junit", Options{JUnitStrict: true}))
	})
	t.Run("pretty-verbose", func(t *testing.T) {
		golden.Check(t, filepath.Join("testdata", "report.pretty-verbose.txt"), render(t, "pretty", Options{Verbose: true}))
	})
}
