package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

// FuzzEvaluate: whatever the bytes, evaluation ends without panicking and
// its policy input marshals to JSON (no NaN, no cycles). Seeded from the
// examples; CI runs the seeds only.
func FuzzEvaluate(f *testing.F) {
	for _, rel := range exampleScripts(f) {
		b, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(rel)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`$PxA = @(1.2.3.4, "x") + $PxA; $PxA += $PxA * 3; $PxB = "{0}{1}" -f $PxA, (1..5)`))
	f.Add([]byte(`$PxWinAdminPassword = 'a'; $h = @{ Password = $PxWinAdminPassword }; Foo @h -Password:$h.x`))
	// Chained and nested assignments (the parser leaves the innermost value
	// out past its depth bound).
	for _, link := range []string{"$a = ", "$a += ", "($a = "} {
		f.Add([]byte("$PxBaseConnName = " + strings.Repeat(link, 300) + `"x"` + strings.Repeat(")", strings.Count(link, "(")*300)))
	}
	f.Add([]byte(`$PxAppPassword = $b = "S"; $a = $PxAppSecret += "S"; $h = @{x = ($PxWinAdminPassword = "S")}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, file := ps.ParseBytes(data, ps.DefaultLimits())
		r := Evaluate(src, file, Options{
			Path:     "fuzz.ps1",
			ReadFile: noFiles,
			Limits:   Limits{MaxValueChars: 1 << 12, MaxArrayLen: 1 << 10, MaxWork: 1 << 16},
		})
		if _, err := json.Marshal(r.Input); err != nil {
			t.Fatalf("policy input does not marshal: %v", err)
		}
	})
}
