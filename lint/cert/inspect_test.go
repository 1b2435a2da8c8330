package cert

import (
	"crypto/x509"
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

const testPassword = "s3cr3t-Pa55-xyzzy"

func encodePFX(t testing.TB, enc *pkcs12.Encoder, leaf *issued, cas []*x509.Certificate, password string) []byte {
	t.Helper()
	b, err := enc.Encode(leaf.key, leaf.cert, cas, password)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestInspectGenerated(t *testing.T) {
	pki := newPKI(t, certSpec{})
	chain := []*x509.Certificate{pki.inter.cert}
	selfSigned := issue(t, certSpec{cn: "self.example.com", dns: []string{"self.example.com"}}, nil)
	ec := newPKI(t, certSpec{key: "p256"})
	weak := newPKI(t, certSpec{key: "rsa1024", sigAlg: x509.SHA1WithRSA})
	noEKU := newPKI(t, certSpec{noEKU: true})
	expired := newPKI(t, certSpec{notBefore: testNow.AddDate(-2, 0, 0), notAfter: testNow.AddDate(0, 0, -1)})
	wildcard := newPKI(t, certSpec{dns: []string{"*.example.com"}})
	otherRoot := issue(t, certSpec{cn: "Untrusted Root", ca: true, key: "rsa2048b"}, nil)
	fromOther := issue(t, certSpec{cn: "x.example.com", dns: []string{"x.example.com"}}, otherRoot)
	// deep: root → upper CA → lower CA → leaf; the file leaves out the upper CA.
	var deep struct{ root, lower, leaf *issued }
	deep.root = issue(t, certSpec{cn: "Deep Root", ca: true, key: "rsa2048b"}, nil)
	upper := issue(t, certSpec{cn: "Deep Upper CA", ca: true, key: "rsa2048c"}, deep.root)
	deep.lower = issue(t, certSpec{cn: "Deep Lower CA", ca: true, key: "rsa2048c"}, upper)
	deep.leaf = issue(t, certSpec{cn: "deep.example.com", dns: []string{"deep.example.com"}}, deep.lower)

	tests := []struct {
		name  string
		data  []byte
		opt   Options
		check func(t *testing.T, f *CertFacts)
	}{
		{
			name: "RSA PFX with intermediate chains to the root",
			data: encodePFX(t, pkcs12.Modern2023, pki.leaf, chain, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Status, StatusRead)
				want(t, f.Format, "pfx")
				want(t, f.Key.Algorithm, "RSA")
				want(t, f.Key.Bits, 2048)
				want(t, f.Leaf.Subject, "CN=teams.example.com,O=pxlint tests")
				want(t, strings.Join(f.Leaf.DNSNames, ","), "teams.example.com")
				want(t, strings.Join(f.Leaf.EKUs, ","), "serverAuth,clientAuth")
				want(t, f.Leaf.SignatureAlgorithm, "SHA256-RSA")
				want(t, f.Leaf.SelfSigned, false)
				want(t, len(f.ChainInFile), 1)
				want(t, f.ChainInFile[0].IsCA, true)
				want(t, strings.Join(f.ChainInFile[0].AIAIssuers, ","), "http://pki.example.test/root.crt")
				want(t, f.Chain.Built, true)
				want(t, len(f.Chain.Path), 3)
				want(t, f.Chain.Path[2].InFile, false)
				want(t, f.Chain.TrustedRoot, "CN=pxlint Test Root,O=pxlint tests")
				want(t, len(f.Providers), 1)
				want(t, f.Providers[0].Kind, ProviderNone)
				want(t, strings.Join(f.AIA.URLs, ","), "http://pki.example.test/root.crt")
				want(t, f.AIA.Checked, false)
			},
		},
		{
			name: "legacy 3DES and RC2 encodings read alike",
			data: encodePFX(t, pkcs12.LegacyRC2, pki.leaf, chain, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Status, StatusRead)
				want(t, f.Chain.Built, true)
			},
		},
		{
			name: "missing intermediate",
			data: encodePFX(t, pkcs12.LegacyDES, pki.leaf, nil, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Chain.Built, false)
				want(t, f.Chain.Problem, ChainMissingIntermediate)
				wantContains(t, f.Chain.Reason, "pxlint Test Issuing CA")
				want(t, len(f.Chain.Path), 1)
			},
		},
		{
			// The file holds the chain up to the issuing CA, whose root is
			// unknown: a private root (PX307), not a missing intermediate.
			name: "chain up to a CA whose root is unknown",
			data: encodePFX(t, pkcs12.LegacyDES, pki.leaf, chain, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true, Roots: x509.NewCertPool()},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Chain.Built, false)
				want(t, f.Chain.Problem, ChainUntrustedRoot)
				wantContains(t, f.Chain.Reason, "carries the chain up to CN=pxlint Test Issuing CA")
				want(t, len(f.Chain.Path), 2)
			},
		},
		{
			// A gap between the CA the walk reached and the root the file
			// carries: an intermediate is missing (PX306).
			name: "gap below a root in the file",
			data: encodePFX(t, pkcs12.LegacyDES, deep.leaf, []*x509.Certificate{deep.lower.cert, deep.root.cert}, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true, Roots: x509.NewCertPool()},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Chain.Problem, ChainMissingIntermediate)
				want(t, len(f.Chain.Path), 2)
			},
		},
		{
			name: "self-signed",
			data: encodePFX(t, pkcs12.Modern2023, selfSigned, nil, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Leaf.SelfSigned, true)
				want(t, f.Chain.Problem, ChainSelfSigned)
			},
		},
		{
			name: "root in the file that is not trusted",
			data: encodePFX(t, pkcs12.Modern2023, fromOther, []*x509.Certificate{otherRoot.cert}, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Chain.Problem, ChainUntrustedRoot)
				want(t, len(f.Chain.Path), 2)
				wantContains(t, f.Chain.Reason, "Untrusted Root")
			},
		},
		{
			name: "ECDSA key",
			data: encodePFX(t, pkcs12.Modern2023, ec.leaf, []*x509.Certificate{ec.inter.cert}, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Key.Algorithm, "ECDSA")
				want(t, f.Key.Curve, "P-256")
				want(t, f.Key.Bits, 256)
			},
		},
		{
			name: "weak key and SHA-1 signature",
			data: encodePFX(t, pkcs12.LegacyDES, weak.leaf, []*x509.Certificate{weak.inter.cert}, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Key.Bits, 1024)
				want(t, f.Leaf.SignatureAlgorithm, "SHA1-RSA")
				want(t, f.Chain.Problem, ChainWeakSignature)
			},
		},
		{
			name:  "no EKU extension",
			data:  encodePFX(t, pkcs12.Modern2023, noEKU.leaf, nil, testPassword),
			opt:   Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) { want(t, len(f.Leaf.EKUs), 0) },
		},
		{
			name: "expired leaf still builds its chain (validity is PX304's)",
			data: encodePFX(t, pkcs12.Modern2023, expired.leaf, []*x509.Certificate{expired.inter.cert}, testPassword),
			opt:  Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Chain.Built, true)
				want(t, f.Leaf.NotAfter, expired.leaf.cert.NotAfter.UTC().Format(time.RFC3339))
			},
		},
		{
			name:  "wildcard names are kept as written",
			data:  encodePFX(t, pkcs12.Modern2023, wildcard.leaf, nil, testPassword),
			opt:   Options{Password: ptr(testPassword), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) { want(t, strings.Join(f.Leaf.DNSNames, ","), "*.example.com") },
		},
		{
			name: "wrong password is unreadable",
			data: encodePFX(t, pkcs12.Modern2023, pki.leaf, chain, testPassword),
			opt:  Options{Password: ptr("nope"), RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Status, StatusUnreadable)
				wantContains(t, f.Reason, "wrong password")
				want(t, f.Leaf == nil, true)
			},
		},
		{
			name: "no password: locked, provider attributes still listed",
			data: encodePFX(t, pkcs12.Modern2023, pki.leaf, chain, testPassword),
			opt:  Options{RequirePFX: true, PasswordHint: "set PXLINT_NODE_PFX_PASSWORD"},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Status, StatusLocked)
				want(t, f.Reason, "certificate bag is encrypted and no password was given (set PXLINT_NODE_PFX_PASSWORD)")
				want(t, len(f.Providers), 1)
				want(t, f.Leaf == nil, true)
			},
		},
		{
			name:  "empty password is tried when none is given",
			data:  encodePFX(t, pkcs12.LegacyDES, pki.leaf, chain, ""),
			opt:   Options{RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) { want(t, f.Status, StatusRead) },
		},
		{
			name: "passwordless PFX",
			data: encodePFX(t, pkcs12.Passwordless, pki.leaf, chain, ""),
			opt:  Options{RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Status, StatusRead)
				want(t, f.Leaf.Subject, "CN=teams.example.com,O=pxlint tests")
			},
		},
		{
			name: "PEM chain for a node, leaf found whatever the order",
			data: pemOf(pki.inter.cert, pki.leaf.cert),
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Format, "pem")
				want(t, f.Leaf.CommonName, "teams.example.com")
				want(t, f.Chain.Built, true)
			},
		},
		{
			name: "PEM given where a PFX is needed",
			data: pemOf(pki.leaf.cert),
			opt:  Options{RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Status, StatusUnreadable)
				wantContains(t, f.Reason, "not a PFX")
			},
		},
		{
			name: "DER certificate for a node",
			data: pki.leaf.cert.Raw,
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Format, "der")
				want(t, f.Status, StatusRead)
				want(t, f.Chain.Problem, ChainMissingIntermediate)
			},
		},
		{
			name: "DER certificate given as the Teams Connector PFX",
			data: pki.leaf.cert.Raw,
			opt:  Options{RequirePFX: true},
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Status, StatusUnreadable)
				wantContains(t, f.Reason, "a DER X.509 certificate")
			},
		},
		{
			name:  "empty file",
			data:  []byte("\r\n"),
			check: func(t *testing.T, f *CertFacts) { want(t, f.Reason, "the file is empty") },
		},
		{
			name:  "text that is not a certificate",
			data:  []byte("$PxBaseConnName = 'x'\n"),
			check: func(t *testing.T, f *CertFacts) { wantContains(t, f.Reason, "not a PFX, PEM or DER certificate") },
		},
		{
			name: "PEM without certificates",
			data: []byte("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
			check: func(t *testing.T, f *CertFacts) {
				want(t, f.Status, StatusUnreadable)
				wantContains(t, f.Reason, "no CERTIFICATE block")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			if opt.Roots == nil { // a case may bring its own (empty) trust store
				opt.Roots = pki.roots()
			}
			opt.Now = testNow
			f := Inspect(tt.data, opt)
			tt.check(t, f)
		})
	}
}

// TestTruncatedPFX cuts a valid PFX at every length: each prefix must be
// unreadable with a reason, never a panic or a read.
func TestTruncatedPFX(t *testing.T) {
	pki := newPKI(t, certSpec{})
	data := encodePFX(t, pkcs12.LegacyDES, pki.leaf, []*x509.Certificate{pki.inter.cert}, testPassword)
	for n := 0; n < len(data); n += 7 {
		f := Inspect(data[:n], Options{Password: ptr(testPassword), RequirePFX: true})
		if f.Status != StatusUnreadable || f.Reason == "" {
			t.Fatalf("cut at %d: status %q reason %q", n, f.Status, f.Reason)
		}
		if n >= 8 && !strings.HasPrefix(f.Reason, "corrupt PFX") {
			t.Fatalf("cut at %d: reason %q does not say the PFX is corrupt", n, f.Reason)
		}
	}
}

// TestBadMAC flips a byte of the MAC: the password can no longer be
// confirmed, so the file is unreadable.
func TestBadMAC(t *testing.T) {
	pki := newPKI(t, certSpec{})
	data := encodePFX(t, pkcs12.LegacyDES, pki.leaf, nil, testPassword)
	w, err := walkPFX(data)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndex(string(data), string(w.macDER))
	bad := append([]byte{}, data...)
	bad[i+len(w.macDER)-8] ^= 0xff // inside the digest or salt
	f := Inspect(bad, Options{Password: ptr(testPassword), RequirePFX: true})
	want(t, f.Status, StatusUnreadable)
}

// TestBEROuterAndPadding re-encodes a PFX with indefinite lengths, a
// chunked OCTET STRING and trailing end-of-contents padding, as some
// Windows and Java exports do: the MAC still verifies and it reads.
func TestBEROuterAndPadding(t *testing.T) {
	pki := newPKI(t, certSpec{})
	data := encodePFX(t, pkcs12.LegacyDES, pki.leaf, []*x509.Certificate{pki.inter.cert}, testPassword)
	w, err := walkPFX(data)
	if err != nil {
		t.Fatal(err)
	}
	// OCTET STRING in two constructed chunks, everything indefinite.
	half := len(w.authSafe) / 2
	chunks := append(appendTLV(nil, 0, false, 4, w.authSafe[:half]), appendTLV(nil, 0, false, 4, w.authSafe[half:])...)
	octets := append(append([]byte{0x24, 0x80}, chunks...), 0, 0)
	explicit := append(append([]byte{0xa0, 0x80}, octets...), 0, 0)
	oid := []byte{0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01}
	ci := append(append(append([]byte{0x30, 0x80}, oid...), explicit...), 0, 0)
	ber := append([]byte{0x30, 0x80, 0x02, 0x01, 0x03}, ci...)
	ber = append(ber, w.macDER...)
	ber = append(ber, 0, 0, 0, 0, 0, 0, 0, 0)
	f := Inspect(ber, Options{Password: ptr(testPassword), RequirePFX: true, Roots: pki.roots(), Now: testNow})
	want(t, f.Status, StatusRead)
	want(t, f.Chain.Built, true)
}

func TestNegativeSerial(t *testing.T) {
	c := issue(t, certSpec{cn: "neg", serial: 1}, nil)
	der := append([]byte{}, c.cert.Raw...)
	i := strings.Index(string(der), "\x02\x01\x01") // the serial INTEGER 1
	der[i+2] = 0xff                                 // -1
	if _, err := x509.ParseCertificate(der); err == nil {
		t.Skip("crypto/x509 accepts negative serials here (GODEBUG x509negativeserial=1?)")
	}
	got, err := parseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	want(t, got.SerialNumber.String(), "-1")
	want(t, string(got.Raw), string(der))
	want(t, got.Subject.CommonName, "neg")
}

func TestProviderKind(t *testing.T) {
	for name, kind := range map[string]string{
		"Microsoft Software Key Storage Provider":               ProviderKSP,
		"Microsoft Platform Crypto Provider":                    ProviderKSP,
		"Microsoft Smart Card Key Storage Provider":             ProviderKSP,
		"microsoft enhanced rsa and aes cryptographic provider": ProviderCSP,
		"Microsoft Strong Cryptographic Provider":               ProviderCSP,
		"Microsoft Enhanced Cryptographic Provider v1.0":        ProviderCSP,
		"Contoso HSM": ProviderUnknown,
	} {
		want(t, providerKind(name), kind)
	}
}

func want[T comparable](t *testing.T, got, wanted T) {
	t.Helper()
	if got != wanted {
		t.Errorf("got %v, want %v", got, wanted)
	}
}

func wantContains(t *testing.T, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Errorf("%q does not contain %q", s, sub)
	}
}

// TestTeamsPFXWithoutKey: a certificate-only PFX (a trust store) cannot be
// the Teams Connector certificate; as a node certificate it reads.
func TestTeamsPFXWithoutKey(t *testing.T) {
	pki := newPKI(t, certSpec{})
	data, err := pkcs12.Passwordless.EncodeTrustStore([]*x509.Certificate{pki.leaf.cert}, "")
	if err != nil {
		t.Fatal(err)
	}
	f := Inspect(data, Options{RequirePFX: true})
	want(t, f.Status, StatusUnreadable)
	wantContains(t, f.Reason, "no private key")
	want(t, Inspect(data, Options{}).Status, StatusRead)
	data, err = pkcs12.Modern2023.EncodeTrustStore([]*x509.Certificate{pki.leaf.cert}, testPassword)
	if err != nil {
		t.Fatal(err)
	}
	want(t, Inspect(data, Options{RequirePFX: true, Password: ptr(testPassword)}).Status, StatusUnreadable)
}
