package lint_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/report"
	"github.com/pxlint/pxlint/lint/stage/baseline"
)

// leakProbePolicy is a user policy that tries to print everything: the
// whole policy input in a message, a finding on every line (so that every
// line's snippet is printed), and a hard-coded copy of the secret (the
// masking of user-policy messages must catch it).
const leakProbePolicy = `# METADATA
# title: prints everything it can
# custom:
#   id: LEAK001
#   severity: warning
package leak.probe

import rego.v1

deny contains {"msg": sprintf("line %d of %v", [n, input]), "line": n} if {
	some n in numbers.range(1, input.source.lines)
}

deny contains {"msg": "the password is Sekr1tA9", "fix": "do not use Sekr1tA9"} if true
`

// TestSecretsNeverLeak lints each way a literal reaches a secret sink and
// asserts that the literal appears in no output: the policy input
// (inspect), every report format (snippets of every line included, since
// the probe policy reports each line), the baseline, and a user policy's
// message.
func TestSecretsNeverLeak(t *testing.T) {
	const secret = "Sekr1tA9"
	dir := t.TempDir()
	shapes := []struct{ name, script string }{
		{"piped to ConvertTo-SecureString", `$s = "Sekr1tA9" | ConvertTo-SecureString -AsPlainText -Force`},
		{"through a plain variable", "$plain = \"Sekr1tA9\"\n$PxAppPassword = $plain"},
		{"appended to a secret", "$PxAppSecret = \"x\"\n$PxAppSecret += \"Sekr1tA9\""},
		{"securestring cast", `[securestring]$PxWinAdminPassword = "Sekr1tA9"`},
		{"concatenated -String", `$s = ConvertTo-SecureString -String ("Sekr1tA9"+"Sekr1tB8") -AsPlainText -Force`},
		{"Set-Variable", `Set-Variable -Name PxWinAdminPassword -Value "Sekr1tA9"`},
		{"splatted String", "$p = @{String=\"Sekr1tA9\"; AsPlainText=$true; Force=$true}\n$s = ConvertTo-SecureString @p"},
		{"chained into a secret", `$PxAppPassword = $b = "Sekr1tA9"`},
		{"chained out of a secret", `$a = $PxAppPassword = "Sekr1tA9"`},
		{"PFX password environment variable", `$env:PXLINT_PFX_PASSWORD = "Sekr1tA9"`},
		{"credential constructor", `$c = New-Object System.Management.Automation.PSCredential ("pexadmin", ("Sekr1tA9" | ConvertTo-SecureString -AsPlainText -Force))`},
		{"static credential constructor", `$c = [pscredential]::new("pexadmin", $x); $n = [System.Net.NetworkCredential]::new("u", "Sekr1tA9")`},
		{"unquoted in a chain", `$PxAppPassword = $b = Sekr1tA9`},
		{"behind a U+2028 line separator", "$a = 1;\u2028$PxWinAdminPassword = \"Sekr1tA9\";\u2029$c = 2"},
	}
	for i, tc := range shapes {
		// One script per shape in one folder, linted in one run (preparing
		// the user policy once); inspect runs per script.
		script := filepath.Join(dir, fmt.Sprintf("shape%02d.ps1", i))
		writeFile(t, script, "$PxBaseConnName = \"contoso\"\n"+tc.script+"\n")
		in, err := lint.Inspect(context.Background(), script, lint.Options{Now: exampleClock})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		assertNoSecret(t, tc.name+": inspect", b, secret)
	}
	polDir := filepath.Join(t.TempDir(), "policies")
	writeFile(t, filepath.Join(polDir, "probe.rego"), leakProbePolicy)
	rep, rs, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Now: exampleClock, PolicyDirs: []string{polDir}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != len(shapes) {
		t.Fatalf("linted %d files, want %d", len(rep.Files), len(shapes))
	}
	for _, fr := range rep.Files {
		probed := 0
		for _, f := range fr.Findings {
			if f.RuleID == "LEAK001" {
				probed++
			}
		}
		if probed < 3 {
			t.Fatalf("%s: the probe policy reported %d findings, want one per line and one more", fr.Path, probed)
		}
	}
	for _, name := range report.Names() {
		f, _ := report.Get(name)
		var buf bytes.Buffer
		if err := f.Format(&buf, rep, rs, report.Options{}); err != nil {
			t.Fatal(err)
		}
		assertNoSecret(t, name, buf.Bytes(), secret)
	}
	bl, err := baseline.Write(rep, dir)
	if err != nil {
		t.Fatal(err)
	}
	assertNoSecret(t, "baseline", bl, secret)
}

func assertNoSecret(t *testing.T, where string, out []byte, secret string) {
	t.Helper()
	for _, s := range []string{secret, secret[:6]} {
		if i := bytes.Index(out, []byte(s)); i >= 0 {
			t.Errorf("%s prints the secret %q: ...%s...", where, s, out[max(0, i-120):min(len(out), i+60)])
			return
		}
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
