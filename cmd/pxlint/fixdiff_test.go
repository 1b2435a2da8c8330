package main

import (
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
)

// A file name is untrusted input: a newline in it must not split the diff's
// header into a second line (which a CI log would read as its own command).
func TestFixDiffEscapesThePath(t *testing.T) {
	ff := &lint.FixedFile{
		Path:        "a\n::error::pwn.ps1",
		BeforeLines: []string{`$PxNodesSourceAddressPrefixes = @(10.0.0.1)`},
		AfterLines:  []string{`$PxNodesSourceAddressPrefixes = @("10.0.0.1")`},
		Reencoded:   true,
	}
	got := fixDiff(ff)
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, "::") || strings.HasPrefix(line, `\::`) {
			t.Errorf("the file name split a line: %q in\n%s", line, got)
		}
	}
	for _, want := range []string{`--- a/a\n::error::pwn.ps1`, `+++ b/a\n::error::pwn.ps1`, `pxlint: a\n::error::pwn.ps1: saved as UTF-8 with BOM`} {
		if !strings.Contains(got, want) {
			t.Errorf("diff lacks %q:\n%s", want, got)
		}
	}
}
