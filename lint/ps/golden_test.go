package ps

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/golden"
)

// TestGolden renders each testdata/parse script's tree, requires and
// diagnostics and compares them with testdata/golden/<name>.txt.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/parse/*.ps1")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			src, f := ParseBytes(b, DefaultLimits())
			var out strings.Builder
			fmt.Fprintf(&out, "encoding %s bom=%v newline %s lines %d tokens %d comments %d\n",
				src.Encoding, src.BOM, src.Newline, src.LineCount(), len(f.Tokens), len(f.Comments))
			if f.Params != nil {
				fmt.Fprintf(&out, "params %v %s\n", f.Params.Span, Sexpr(f.Params))
			}
			for _, r := range f.Requires {
				fmt.Fprintf(&out, "requires %v version=%q modules=%+v\n", r.Span, r.Version, r.Modules)
			}
			for _, s := range f.Statements {
				fmt.Fprintf(&out, "%v %s\n", s.NodeSpan(), Sexpr(s))
			}
			for _, d := range f.Diagnostics {
				fmt.Fprintf(&out, "diagnostic %s %v %s\n", d.Rule, d.Span, d.Message)
			}
			goldenFile := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(name), ".ps1")+".txt")
			golden.CheckString(t, goldenFile, out.String())
		})
	}
}

// TestCauseGolden renders the diagnostics of each testdata/cause script
// (a typo and what pxlint says about it: message, fix, related location)
// and compares them with testdata/golden/cause-<name>.txt.
func TestCauseGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/cause/*.ps1")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			_, f := ParseBytes(b, DefaultLimits())
			var out strings.Builder
			for _, d := range f.Diagnostics {
				fmt.Fprintf(&out, "%s %d:%d-%d:%d %s\n", d.Rule, d.Span.Start.Line, d.Span.Start.Col, d.Span.End.Line, d.Span.End.Col, d.Message)
				if d.Fix != "" {
					fmt.Fprintf(&out, "  fix: %s\n", d.Fix)
				}
				for _, r := range d.Related {
					fmt.Fprintf(&out, "  related %d:%d: %s\n", r.Span.Start.Line, r.Span.Start.Col, r.Message)
				}
			}
			goldenFile := filepath.Join("testdata", "golden", "cause-"+strings.TrimSuffix(filepath.Base(name), ".ps1")+".txt")
			golden.CheckString(t, goldenFile, out.String())
		})
	}
}

// TestNoStrayGoldens: every testdata/golden file belongs to a fixture of
// TestGolden or TestCauseGolden (a renamed fixture leaves none behind).
func TestNoStrayGoldens(t *testing.T) {
	owned := map[string]bool{}
	for dir, prefix := range map[string]string{"parse": "", "cause": "cause-"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.ps1"))
		for _, f := range files {
			owned[prefix+strings.TrimSuffix(filepath.Base(f), ".ps1")+".txt"] = true
		}
	}
	goldens, _ := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	for _, g := range goldens {
		if !owned[filepath.Base(g)] {
			t.Errorf("%s belongs to no fixture in testdata/parse or testdata/cause", g)
		}
	}
}
