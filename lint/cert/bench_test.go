package cert

import (
	"crypto/x509"
	"os"
	"path/filepath"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// BenchmarkInspect measures reading a PFX: the structural walk, MAC
// verification and decryption (go-pkcs12, 2,048 iterations for Modern2023)
// and chain building against a one-root pool.
func BenchmarkInspect(b *testing.B) {
	pki := newPKI(b, certSpec{})
	cases := map[string][]byte{
		"modern2023": encodePFX(b, pkcs12.Modern2023, pki.leaf, []*x509.Certificate{pki.inter.cert}, testPassword),
		"legacyDES":  encodePFX(b, pkcs12.LegacyDES, pki.leaf, []*x509.Certificate{pki.inter.cert}, testPassword),
		"pem":        pemOf(pki.leaf.cert, pki.inter.cert),
	}
	for name, data := range cases {
		b.Run(name, func(b *testing.B) {
			opt := Options{Password: ptr(testPassword), RequirePFX: name != "pem", Roots: pki.roots(), Now: testNow}
			for b.Loop() {
				if f := Inspect(data, opt); f.Status != StatusRead {
					b.Fatal(f.Reason)
				}
			}
		})
	}
	if data, err := os.ReadFile(filepath.Join(realPFXDir, "runtime-assets-TestData__contoso.com.pfx")); err == nil {
		b.Run("real-windows-rsa4096", func(b *testing.B) {
			opt := Options{Password: ptr("testcertificate"), RequirePFX: true, Roots: pki.roots(), Now: testNow}
			for b.Loop() {
				Inspect(data, opt)
			}
		})
	}
}

// BenchmarkWalkPFX measures the password-free structural walk alone.
func BenchmarkWalkPFX(b *testing.B) {
	pki := newPKI(b, certSpec{})
	data := encodePFX(b, pkcs12.Modern2023, pki.leaf, []*x509.Certificate{pki.inter.cert}, testPassword)
	for b.Loop() {
		if _, err := walkPFX(data); err != nil {
			b.Fatal(err)
		}
	}
}
