package model

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSecretsNeverTravel evaluates scripts that handle literal secrets in
// every way the model sees and asserts that no literal appears anywhere in
// the marshalled policy input, while the secrets are still described.
func TestSecretsNeverTravel(t *testing.T) {
	for _, tc := range []struct {
		name     string
		script   string
		literals []string
		check    func(t *testing.T, r *Result)
	}{
		{
			name:     "literal password",
			script:   `$PxWinAdminPassword = "S3cr3t!Pass"`,
			literals: []string{"S3cr3t!Pass"},
			check: func(t *testing.T, r *Result) {
				v := variable(t, r, "PxWinAdminPassword")
				want := Secret{Literal: true, Length: 11, Upper: true, Lower: true, Digit: true, Symbol: true}
				if v.Kind != KindSecret || v.Secret == nil || *v.Secret != want || v.Value != nil || v.Text != "" {
					t.Errorf("variable = %+v secret %+v", v, v.Secret)
				}
				if len(r.SecretSpans) != 1 || r.SecretSpans[0] != v.ValueSpan {
					t.Errorf("secret spans = %+v, want the value span %+v", r.SecretSpans, v.ValueSpan)
				}
			},
		},
		{
			name:     "single-quoted secret with dollar",
			script:   `$PxAppSecret = 'a$b''c'`,
			literals: []string{"a$b", "a$b'c"},
			check: func(t *testing.T, r *Result) {
				if s := variable(t, r, "PxAppSecret").Secret; s == nil || s.Length != 5 || !s.Symbol {
					t.Errorf("secret = %+v", s)
				}
			},
		},
		{
			name:   "prompted password",
			script: `$PxWinAdminPassword = Read-Host "Password" -AsSecureString`,
			check: func(t *testing.T, r *Result) {
				v := variable(t, r, "PxWinAdminPassword")
				if v.Kind != KindSecret || v.Secret == nil || v.Secret.Literal || !strings.Contains(v.Reason, "Read-Host") {
					t.Errorf("variable = %+v secret %+v", v, v.Secret)
				}
				if len(r.SecretSpans) != 0 {
					t.Errorf("secret spans = %+v", r.SecretSpans)
				}
			},
		},
		{
			name: "template idiom: ConvertTo-SecureString and PSCredential",
			script: lines(
				`$PxWinAdminUser = "pexadmin"`,
				`$PxWinAdminPassword = "Tr0ub4dor&3x"`,
				`$PxWinAdminSecurePassword = ConvertTo-SecureString -String $PxWinAdminPassword -AsPlainText -Force`,
				`$PxWinAdminCred = New-Object System.Management.Automation.PSCredential ($PxWinAdminUser, $PxWinAdminSecurePassword)`,
			),
			literals: []string{"Tr0ub4dor&3x"},
			check: func(t *testing.T, r *Result) {
				if v := variable(t, r, "PxWinAdminSecurePassword"); v.Kind != KindSecret || v.Secret == nil || v.Secret.Literal {
					t.Errorf("secure password = %+v %+v", v, v.Secret)
				}
				arg := param(t, command(t, r, "ConvertTo-SecureString", 0), "String").Value
				if arg.Kind != KindSecret || arg.Value != nil || arg.Text != "" || arg.Variable != "PxWinAdminPassword" {
					t.Errorf("-String argument = %+v", arg)
				}
				if v := variable(t, r, "PxWinAdminCred"); v.Kind != KindUnknown {
					t.Errorf("credential = %+v", v)
				}
			},
		},
		{
			name:     "inline ConvertTo-SecureString literal inside New-Object",
			script:   `$PxAppCred = New-Object PSCredential ("app", (ConvertTo-SecureString "Pw0rd!Pw0rd!" -AsPlainText -Force))`,
			literals: []string{"Pw0rd!Pw0rd!"},
			check: func(t *testing.T, r *Result) {
				pos := command(t, r, "ConvertTo-SecureString", 0).Positional
				if len(pos) != 1 || pos[0].Kind != KindSecret {
					t.Errorf("positional = %+v", pos)
				}
				if v := variable(t, r, "PxAppCred"); v.Text != "" {
					t.Errorf("text of a right-hand side holding a literal secret = %q", v.Text)
				}
				if len(r.SecretSpans) != 1 {
					t.Errorf("secret spans = %+v", r.SecretSpans)
				}
			},
		},
		{
			name: "secret expanded into strings and copied",
			script: lines(
				`$PxWinAdminPassword = "Hunter2Hunter2!"`,
				`$PxNote = "password is $PxWinAdminPassword"`,
				`$PxCopy = $PxWinAdminPassword`,
				`$PxJoined = @($PxWinAdminPassword, "x") -join ","`,
				`$PxArr = @("a", $PxWinAdminPassword)`,
				`Write-Host "pw: $($PxWinAdminPassword)"`,
				`Write-Host $PxWinAdminPassword`,
			),
			literals: []string{"Hunter2Hunter2!"},
			check: func(t *testing.T, r *Result) {
				if v := variable(t, r, "PxNote"); v.Kind != KindUnknown || v.Reason != "expands a secret" {
					t.Errorf("note = %+v", v)
				}
				if v := variable(t, r, "PxCopy"); v.Kind != KindSecret || v.Secret == nil || v.Secret.Length != 15 {
					t.Errorf("copy = %+v", v)
				}
				if v := variable(t, r, "PxJoined"); v.Kind != KindUnknown {
					t.Errorf("joined = %+v", v)
				}
				if e := variable(t, r, "PxArr").Elements[1]; e.Kind != ElementUnknown || e.Value != nil {
					t.Errorf("secret element = %+v", e)
				}
				first := command(t, r, "Write-Host", 0).Positional[0]
				if first.Kind != KindUnknown || first.Value != nil {
					t.Errorf("expanded argument = %+v", first)
				}
				second := command(t, r, "Write-Host", 1).Positional[0]
				if second.Kind != KindSecret || second.Text != "" || second.Variable != "PxWinAdminPassword" {
					t.Errorf("secret argument = %+v", second)
				}
			},
		},
		{
			name: "password parameters and hashtable keys",
			script: lines(
				`Connect-AzAccount -ServicePrincipal -CertificatePath c.pfx -CertificatePassword "abcDEF123!xyz"`,
				`Foo-Bar -Password:'colon-Literal-9'`,
				`$PxParams = @{ AppPassword = "Zz9!Zz9!Zz9!"; Name = "bot" }`,
				`$PxMore = @{ CertificatePassword = Unquoted9x }`,
			),
			literals: []string{"abcDEF123!xyz", "colon-Literal-9", "Zz9!Zz9!Zz9!", "Unquoted9x"},
			check: func(t *testing.T, r *Result) {
				if a := param(t, command(t, r, "Connect-AzAccount", 0), "CertificatePassword").Value; a.Kind != KindSecret || a.Text != "" {
					t.Errorf("-CertificatePassword = %+v", a)
				}
				if a := param(t, command(t, r, "Foo-Bar", 0), "Password").Value; a.Kind != KindSecret {
					t.Errorf("-Password: = %+v", a)
				}
				h := variable(t, r, "PxParams").Value.(map[string]any)
				if h["AppPassword"] != nil || h["Name"] != "bot" {
					t.Errorf("hashtable = %#v", h)
				}
				if variable(t, r, "PxParams").Text != "" {
					t.Errorf("hashtable text holds a secret")
				}
				if len(r.SecretSpans) != 4 || len(r.Input.Commands) != 2 {
					t.Errorf("secret spans = %+v, commands %+v", r.SecretSpans, r.Input.Commands)
				}
			},
		},
		{
			name: "variable passed where a secret goes",
			script: lines(
				`$pw = "Tainted!Pass1"`,
				`$PxWinAdminSecurePassword = ConvertTo-SecureString $pw -AsPlainText -Force`,
			),
			literals: []string{"Tainted!Pass1"},
			check: func(t *testing.T, r *Result) {
				v := variable(t, r, "pw")
				if v.Kind != KindSecret || v.Secret == nil || v.Secret.Length != 13 {
					t.Errorf("tainted variable = %+v", v)
				}
				if len(r.SecretSpans) != 1 || r.SecretSpans[0].StartLine != 1 {
					t.Errorf("secret spans = %+v", r.SecretSpans)
				}
			},
		},
		{
			name:     "unquoted password",
			script:   lines(`$PxWinAdminPassword = Hunter2Hunter2`, `$PxAppPassword = Pa.ss-Word9`, `$PxOtherSecret = Read-Host "x"`),
			literals: []string{"Hunter2Hunter2", "Pa.ss-Word9"},
			check: func(t *testing.T, r *Result) {
				v := variable(t, r, "PxWinAdminPassword")
				if v.Kind != KindSecret || v.Secret == nil || !v.Secret.Literal || v.Secret.Length != 14 || len(r.Input.Commands) != 1 {
					t.Errorf("variable = %+v %+v; commands %+v", v, v.Secret, r.Input.Commands)
				}
				if o := variable(t, r, "PxOtherSecret"); o.Secret == nil || o.Secret.Literal || o.Reason != "Read-Host needs user input" {
					t.Errorf("prompted secret = %+v", o)
				}
				if len(r.SecretSpans) != 2 {
					t.Errorf("secret spans = %+v", r.SecretSpans)
				}
			},
		},
		{
			name:     "conditional secret",
			script:   `if ($x) { $PxWinAdminPassword = "Branch!Pass1" }`,
			literals: []string{"Branch!Pass1"},
			check: func(t *testing.T, r *Result) {
				v := variable(t, r, "PxWinAdminPassword")
				if v.Kind != KindSecret || v.Secret == nil || !v.Secret.Literal || v.Reason != "assigned inside a branch" {
					t.Errorf("variable = %+v %+v", v, v.Secret)
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate(t, tc.script)
			out, err := json.Marshal(r.Input)
			if err != nil {
				t.Fatal(err)
			}
			for _, lit := range tc.literals {
				if strings.Contains(string(out), lit) {
					t.Errorf("secret %q appears in the policy input: %s", lit, out)
				}
				enc, _ := json.Marshal(lit)
				if strings.Contains(string(out), strings.Trim(string(enc), `"`)) {
					t.Errorf("secret %q appears JSON-escaped in the policy input", lit)
				}
			}
			tc.check(t, r)
		})
	}
}
