package cert

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"sync"
	"testing"
	"time"
)

// A small PKI for tests: keys are generated once per process (RSA
// generation is slow) and certificates are issued per test.

var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

var (
	keysOnce sync.Once
	keys     map[string]crypto.Signer
)

func testKey(t testing.TB, kind string) crypto.Signer {
	t.Helper()
	keysOnce.Do(func() {
		keys = map[string]crypto.Signer{}
		for _, k := range []struct {
			name string
			bits int
		}{{"rsa2048", 2048}, {"rsa2048b", 2048}, {"rsa2048c", 2048}, {"rsa1024", 1024}} {
			key, err := rsa.GenerateKey(rand.Reader, k.bits)
			if err != nil {
				panic(err)
			}
			keys[k.name] = key
		}
		ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			panic(err)
		}
		keys["p256"] = ec
	})
	k, ok := keys[kind]
	if !ok {
		t.Fatalf("no test key %q", kind)
	}
	return k
}

type certSpec struct {
	cn        string
	dns       []string
	key       string // testKey kind
	ca        bool
	notBefore time.Time
	notAfter  time.Time
	ekus      []x509.ExtKeyUsage
	noEKU     bool
	sigAlg    x509.SignatureAlgorithm
	aia       []string
	serial    int64
}

type issued struct {
	cert *x509.Certificate
	key  crypto.Signer
}

// issue creates a certificate from spec, signed by parent (self-signed when nil).
func issue(t testing.TB, spec certSpec, parent *issued) *issued {
	t.Helper()
	if spec.key == "" {
		spec.key = "rsa2048"
	}
	if spec.notBefore.IsZero() {
		spec.notBefore = testNow.AddDate(-1, 0, 0)
	}
	if spec.notAfter.IsZero() {
		spec.notAfter = testNow.AddDate(1, 0, 0)
	}
	if spec.serial == 0 {
		spec.serial = time.Now().UnixNano()
	}
	key := testKey(t, spec.key)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(spec.serial),
		Subject:               pkix.Name{CommonName: spec.cn, Organization: []string{"pxlint tests"}},
		DNSNames:              spec.dns,
		NotBefore:             spec.notBefore,
		NotAfter:              spec.notAfter,
		BasicConstraintsValid: true,
		IsCA:                  spec.ca,
		SignatureAlgorithm:    spec.sigAlg,
		IssuingCertificateURL: spec.aia,
	}
	if spec.ca {
		tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	} else {
		tmpl.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
		tmpl.ExtKeyUsage = spec.ekus
		if spec.ekus == nil && !spec.noEKU {
			tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}
		}
	}
	signerCert, signerKey := tmpl, key
	if parent != nil {
		signerCert, signerKey = parent.cert, parent.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signerCert, key.Public(), signerKey)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &issued{cert: c, key: key}
}

// testPKI is a root, an intermediate and a leaf for teams.example.com.
type testPKI struct {
	root, inter, leaf *issued
}

func newPKI(t testing.TB, leafSpec certSpec) testPKI {
	t.Helper()
	root := issue(t, certSpec{cn: "pxlint Test Root", ca: true, key: "rsa2048b", notBefore: testNow.AddDate(-5, 0, 0), notAfter: testNow.AddDate(10, 0, 0)}, nil)
	inter := issue(t, certSpec{cn: "pxlint Test Issuing CA", ca: true, key: "rsa2048c", notBefore: testNow.AddDate(-3, 0, 0), notAfter: testNow.AddDate(5, 0, 0), aia: []string{"http://pki.example.test/root.crt"}}, root)
	if leafSpec.cn == "" {
		leafSpec.cn = "teams.example.com"
	}
	if leafSpec.dns == nil {
		leafSpec.dns = []string{"teams.example.com"}
	}
	leaf := issue(t, leafSpec, inter)
	return testPKI{root: root, inter: inter, leaf: leaf}
}

func (p testPKI) roots() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(p.root.cert)
	return pool
}

func pemOf(certs ...*x509.Certificate) []byte {
	var out []byte
	for _, c := range certs {
		out = append(out, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	return out
}

func ptr(s string) *string { return &s }
