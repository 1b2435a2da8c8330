package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint/safeio"
)

// The engine hands one safeio.Limits value to every step that reads script
// text: the reader (Script), the parser (Decoded) and the evaluator's
// dot-sourced files (DotSource). Each cap, lowered alone, is the one that
// fires.
func TestOneLimitsValue(t *testing.T) {
	dir := t.TempDir()
	body := "$PxBaseConnName = \"acme\"\n$PxVmssRegion = \"weu\"\n. .\\common.ps1\n" + strings.Repeat("# padding\n", 40)
	common := "$PxAzureLocation = \"westeurope\"\n" + strings.Repeat("# padding\n", 40)
	for name, text := range map[string]string{"weu.ps1": body, "common.ps1": common} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := safeio.ScriptLimits
	for _, tc := range []struct {
		name   string
		limits safeio.Limits
		want   string // in a PX011 message
	}{
		{"raw script", safeio.Limits{Script: 100, Decoded: big.Decoded, DotSource: big.DotSource}, "the most pxlint reads"},
		{"decoded text", safeio.Limits{Script: big.Script, Decoded: 100, DotSource: big.DotSource}, "larger than the 100-byte limit"},
		{"dot-sourced file", safeio.Limits{Script: big.Script, Decoded: big.Decoded, DotSource: 100}, "dot-sourced file is larger than 100 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := newEngine(Options{Paths: []string{filepath.Join(dir, "weu.ps1")}, Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			e.limits = tc.limits
			rep, _, _, err := e.run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, f := range rep.Files[0].Findings {
				if f.RuleID == "PX011" {
					msgs = append(msgs, f.Message)
				}
			}
			if len(msgs) != 1 || !strings.Contains(msgs[0], tc.want) {
				t.Errorf("PX011 findings %q, want one containing %q", msgs, tc.want)
			}
		})
	}
}
