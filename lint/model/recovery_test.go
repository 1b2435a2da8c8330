package model

import (
	"encoding/json"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

// TestIncompleteScripts evaluates scripts cut off at awkward places (what
// the parser recovers from with PX001): evaluation must end, and the policy
// input must marshal.
func TestIncompleteScripts(t *testing.T) {
	for _, s := range []string{
		"$PxA =", "$PxA =\n", "$PxA += ", "[string]$PxA =", "$PxA, $PxB =", "$h.x =", ". ", "& ", "@p",
		"$PxA = @{", "$PxA = @(", "$PxA = \"$(", "param($PxA =", "function f(", "if (", "foreach ($x in",
		"$PxA = 1 +", "-join", "$PxA = ,", "Foo -Bar:", "$PxA = $(Get-X) + 1", "$a[", "${", "$PxA = [int]",
		"$PxA = 1..", "switch ($x) { 1 { $PxA = 2 } }", "$PxWinAdminPassword = \"unterminated",
	} {
		src := ps.NewSource(s)
		f := ps.Parse(src, ps.DefaultLimits())
		r := Evaluate(src, f, Options{Path: "x.ps1", ReadFile: noFiles})
		if _, err := json.Marshal(r.Input); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}
