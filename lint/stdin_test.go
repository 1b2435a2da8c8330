package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/safeio"
)

// `pxlint lint -`: the script comes from Stdin, named by StdinName for
// positions and config discovery, bounded like a file.
func TestStdinScript(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("regions", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("regions", ".pxlint.hcl"), []byte("rule \"PX102\" {\n  enabled = false\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := "$PxBaseConnName = \"acmecorp\"\n$PxNodesSourceAddressPrefixes = @(\"91.90.42.96/26\")\n"
	run := func(name string, in string) map[string]string {
		rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{"-"}, Stdin: strings.NewReader(in), StdinName: name, Now: exampleClock})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Files) != 1 {
			t.Fatalf("%d files reported, want 1", len(rep.Files))
		}
		got := map[string]string{"path": rep.Files[0].Path}
		for _, f := range rep.Files[0].Findings {
			got[f.RuleID] = f.File
		}
		for _, s := range rep.Files[0].Statuses {
			if s.RuleID == "PX102" {
				got["PX102 status"] = string(s.Status)
			}
		}
		return got
	}
	if got := run("", src); got["path"] != "<stdin>" || got["PX102"] != "<stdin>" {
		t.Errorf("without a name: %v", got)
	}
	// Named into regions/, its .pxlint.hcl applies: PX102 is disabled.
	if got := run(filepath.Join("regions", "weu.ps1"), src); got["path"] != "regions/weu.ps1" || got["PX102 status"] != "disabled" {
		t.Errorf("named regions/weu.ps1: %v", got)
	}
	// Past the bound, stdin is PX011 like a file, never read whole.
	huge := src + "# " + strings.Repeat("x", safeio.ScriptBytes) + "\n"
	if got := run("big.ps1", huge); got["PX011"] != "big.ps1" {
		t.Errorf("a script over %d bytes on stdin: %v", safeio.ScriptBytes, got)
	}
}

func TestStdinTwiceIsAnError(t *testing.T) {
	t.Chdir(t.TempDir())
	_, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{"-", "-"}, Stdin: bytes.NewReader(nil), Now: exampleClock})
	if err == nil {
		t.Error("- twice accepted")
	}
}
