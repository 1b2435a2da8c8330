package cert

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/testenv"
)

// openssl returns the openssl binary, skipping the test when it is missing
// (failing it in CI, which installs openssl: lint/internal/testenv).
func openssl(t *testing.T) string {
	t.Helper()
	return testenv.Tool(t, "apt-get install openssl: provider-attribute files cannot be made without it", "openssl")
}

// TestOpenSSLProviderAttribute exports PFX files with `openssl pkcs12
// -export -CSP ...`, the command PX302's remediation gives, and reads the
// attribute back with and without the password.
func TestOpenSSLProviderAttribute(t *testing.T) {
	bin := openssl(t)
	pki := newPKI(t, certSpec{})
	dir := t.TempDir()
	keyDER, err := x509.MarshalPKCS8PrivateKey(pki.leaf.key)
	if err != nil {
		t.Fatal(err)
	}
	key := writeFile(t, dir, "key.pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
	crt := writeFile(t, dir, "cert.pem", pemOf(pki.leaf.cert))
	chain := writeFile(t, dir, "chain.pem", pemOf(pki.inter.cert))

	tests := []struct {
		name, csp string
		extra     []string
		kind      string
		// lockedStatus is the status without the password.
		lockedStatus string
	}{
		{"CryptoAPI CSP, OpenSSL 3 defaults (PBES2 AES-256)", "Microsoft Enhanced RSA and AES Cryptographic Provider", nil, ProviderCSP, StatusLocked},
		{"CNG KSP, 3DES", "Microsoft Software Key Storage Provider", []string{"-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1"}, ProviderKSP, StatusLocked},
		{"no attribute", "", nil, ProviderNone, StatusLocked},
		{"CSP, certificates not encrypted", "Microsoft Strong Cryptographic Provider", []string{"-certpbe", "NONE"}, ProviderCSP, StatusRead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "out.pfx")
			args := []string{"pkcs12", "-export", "-inkey", key, "-in", crt, "-certfile", chain, "-passout", "env:PXLINT_TEST_PFX_PW", "-out", out}
			if tt.csp != "" {
				args = append(args, "-CSP", tt.csp)
			}
			args = append(args, tt.extra...)
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "PXLINT_TEST_PFX_PW="+testPassword)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("openssl: %v\n%s", err, b)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			locked := Inspect(data, Options{RequirePFX: true, Roots: pki.roots(), Now: testNow})
			want(t, locked.Status, tt.lockedStatus)
			want(t, len(locked.Providers), 1)
			want(t, locked.Providers[0].Kind, tt.kind)
			want(t, locked.Providers[0].Name, tt.csp)

			f := Inspect(data, Options{Password: ptr(testPassword), RequirePFX: true, Roots: pki.roots(), Now: testNow})
			want(t, f.Status, StatusRead)
			want(t, f.Providers[0].Kind, tt.kind)
			want(t, f.Chain.Built, true)
			want(t, f.Leaf.CommonName, "teams.example.com")
		})
	}
}
