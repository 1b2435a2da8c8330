package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

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

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./lint/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./lint/report -update after checking the change):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	if len(goldenName) != len(Names()) {
		t.Fatalf("golden files for %d formats, %d formats registered: %v", len(goldenName), len(Names()), Names())
	}
	for _, format := range Names() {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, Options{})
			checkGolden(t, goldenName[format], got)
			// Same input, same bytes: no map order, no wall clock.
			for range 3 {
				if again := render(t, format, Options{}); !bytes.Equal(got, again) {
					t.Fatal("output differs between two runs on the same report")
				}
			}
		})
	}
	t.Run("pretty-color", func(t *testing.T) {
		checkGolden(t, "report.pretty-color.txt", render(t, "pretty", Options{Color: true}))
	})
	t.Run("junit-strict", func(t *testing.T) {
		checkGolden(t, "report.junit-strict.xml", render(t, "junit", Options{JUnitStrict: true}))
	})
	t.Run("pretty-verbose", func(t *testing.T) {
		checkGolden(t, "report.pretty-verbose.txt", render(t, "pretty", Options{Verbose: true}))
	})
}
