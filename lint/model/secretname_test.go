package model

import "testing"

// Policies never test names for secrets (lib.rego has no such test): they
// rely on every variable with a secret name reaching them as kind secret,
// however it was assigned.
func TestSecretNamesArriveAsSecrets(t *testing.T) {
	for _, rhs := range []string{
		`"Hunter2!x"`, `'a$(b'`, `Read-Host -AsSecureString`, `@("a", "b")`, `$null`, `42`, `$PxOther`,
		`ConvertTo-SecureString "x" -AsPlainText -Force`,
	} {
		for _, name := range []string{"PxAppPassword", "PxWinAdminSecurePassword", "PxClientSecret", "PxWINADMINPASSWORD"} {
			res := evaluate(t, "$PxOther = 'o'\n$"+name+" = "+rhs)
			var v *Variable
			for n, x := range res.Input.Variables {
				if n == name || x.Name == name {
					v = x
				}
			}
			if v == nil {
				t.Fatalf("$%s = %s: not in the input", name, rhs)
			}
			if v.Kind != KindSecret || v.Value != nil {
				t.Errorf("$%s = %s: kind %s, value %v; want a secret without its value", name, rhs, v.Kind, v.Value)
			}
		}
	}
	if IsSecretName("PxTeamsConnFqdn") || !IsSecretName("pxappPASSword") {
		t.Error("IsSecretName must match *password*/*secret* case-insensitively, and nothing else")
	}
}
