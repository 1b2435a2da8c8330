package model

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSecretsByDataFlow: a literal that reaches a secret sink is secret at
// its source. Each case names the literal: its span must be among the
// secret spans (so that its own line is masked in snippets) and it must
// not appear in the policy input. Passing cases: literals that reach no
// sink (a credential's user name, a prompt) stay visible.
func TestSecretsByDataFlow(t *testing.T) {
	for _, tc := range []struct {
		script  string
		secret  string // the literal that must be masked
		visible string // a literal that must stay visible, if any
	}{
		{`$s = "Sekr1t" | ConvertTo-SecureString -AsPlainText -Force`, `"Sekr1t"`, ""},
		{"$plain = \"Sekr1t\"\n$PxAppPassword = $plain", `"Sekr1t"`, ""},
		{"$plain = \"Sekr1t\"\n$copy = $plain\n$PxAppPassword = $copy", `"Sekr1t"`, ""},
		{"$PxAppSecret = \"first\"\n$PxAppSecret += \"Sekr1t\"", `"Sekr1t"`, ""},
		{`[securestring]$PxWinAdminPassword = "Sekr1t"`, `"Sekr1t"`, ""},
		{`$s = ConvertTo-SecureString -String ("Sekr1t"+"other") -AsPlainText -Force`, `"Sekr1t"`, ""},
		{`Set-Variable -Name PxWinAdminPassword -Value "Sekr1t"`, `"Sekr1t"`, "PxWinAdminPassword"},
		{"$p = @{String=\"Sekr1t\"; AsPlainText=$true}\n$s = ConvertTo-SecureString @p", `"Sekr1t"`, ""},
		{`$a = $b = $PxAppPassword = "Sekr1t"`, `"Sekr1t"`, ""},
		{`$PxAppPassword = $b = "Sekr1t"`, `"Sekr1t"`, ""},
		{`$env:PXLINT_PFX_PASSWORD = "Sekr1t"`, `"Sekr1t"`, ""},
		{`$h = @{ Password = "Sekr1t"; User = "pexadmin" }`, `"Sekr1t"`, "pexadmin"},
		{`$c = New-Object System.Management.Automation.PSCredential ("pexadmin", $x); $x = "n"; $d = New-Object PSCredential -ArgumentList "pexadmin", "Sekr1t"`, `"Sekr1t"`, "pexadmin"},
		{`$n = [System.Net.NetworkCredential]::new("pexadmin", "Sekr1t")`, `"Sekr1t"`, ""},
		{`$cred.Password = "Sekr1t"`, `"Sekr1t"`, ""},
		{`$s = [securestring]"Sekr1t"`, `"Sekr1t"`, ""},
		{`Foo -CertificatePassword "Sekr1t" -Name "visible"`, `"Sekr1t"`, "visible"},
		{`$PxWinAdminPassword = Read-Host "Prompt text" -AsSecureString`, "", "Prompt text"},
		// PowerShell reads U+2028/U+2029 as white space: an assignment
		// behind one is an assignment, and its secret is one.
		{"$a = 1;\u2028$PxWinAdminPassword = \"Sekr1t\"", `"Sekr1t"`, ""},
		{"$plain = \"Sekr1t\";\u2029$PxAppPassword = $plain", `"Sekr1t"`, ""},
	} {
		r := evaluate(t, tc.script)
		b, err := json.Marshal(r.Input)
		if err != nil {
			t.Fatal(err)
		}
		if tc.secret != "" {
			if strings.Contains(string(b), strings.Trim(tc.secret, `"`)) {
				t.Errorf("%s: the literal travels in the policy input: %s", tc.script, b)
			}
			if !hasSecretSpan(r, tc.script, tc.secret) {
				t.Errorf("%s: %s is not among the secret spans %+v", tc.script, tc.secret, r.SecretSpans)
			}
		}
		if tc.visible != "" && !strings.Contains(string(b), tc.visible) {
			t.Errorf("%s: %q reaches no secret sink but is masked: %s", tc.script, tc.visible, b)
		}
	}
}

// hasSecretSpan reports whether a secret span covers the (single-line)
// literal's first occurrence in the script.
func hasSecretSpan(r *Result, script, literal string) bool {
	lines := strings.Split(script, "\n")
	for i, l := range lines {
		if c := strings.Index(l, literal); c >= 0 {
			col := len([]rune(l[:c])) + 1
			for _, sp := range r.SecretSpans {
				if sp.StartLine <= i+1 && i+1 <= sp.EndLine && sp.StartColumn <= col && col+len([]rune(literal)) <= sp.EndColumn {
					return true
				}
			}
			return false
		}
	}
	return false
}
