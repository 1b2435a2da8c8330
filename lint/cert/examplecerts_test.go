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
	"flag"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// The certificate fixtures of examples/certs: one file per PX3xx problem,
// from a private example PKI (root-ca.pem, to pass with --ca-file). They
// are committed; `go test ./lint/cert -run TestExampleCerts -update-example-certs`
// makes new ones (openssl is needed for the provider attribute). Without the
// flag the test checks that each committed file still shows its problem at
// the examples' clock.

var updateExampleCerts = flag.Bool("update-example-certs", false, "regenerate examples/certs")

const exampleCertsDir = "../../examples/certs"

// exampleClock matches the clock of the example goldens (lint/examples_test.go).
var exampleClock = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

type exampleCert struct {
	file string
	// what the file must show at exampleClock with root-ca.pem trusted
	status, provider, key, problem string
	ekus                           int
	expired, expiring              bool
}

var exampleCerts = []exampleCert{
	{file: "teams-good.pfx", status: StatusRead, provider: ProviderCSP, key: "RSA", ekus: 2},
	{file: "teams-ecdsa.pfx", status: StatusRead, provider: ProviderCSP, key: "ECDSA", ekus: 2},
	{file: "teams-ksp.pfx", status: StatusRead, provider: ProviderKSP, key: "RSA", ekus: 2},
	{file: "teams-no-provider.pfx", status: StatusRead, provider: ProviderNone, key: "RSA", ekus: 2},
	{file: "teams-wrong-name.pfx", status: StatusRead, provider: ProviderCSP, key: "RSA", ekus: 2},
	{file: "teams-expired.pfx", status: StatusRead, provider: ProviderCSP, key: "RSA", ekus: 2, expired: true},
	{file: "teams-expiring.pfx", status: StatusRead, provider: ProviderCSP, key: "RSA", ekus: 2, expiring: true},
	{file: "teams-leaf-only.pfx", status: StatusRead, provider: ProviderCSP, key: "RSA", ekus: 2, problem: ChainMissingIntermediate},
	{file: "teams-self-signed.pfx", status: StatusRead, provider: ProviderCSP, key: "RSA", ekus: 2, problem: ChainSelfSigned},
	{file: "teams-weak.pfx", status: StatusRead, provider: ProviderCSP, key: "RSA", ekus: 2, problem: ChainWeakSignature},
	{file: "teams-client-auth.pfx", status: StatusRead, provider: ProviderCSP, key: "RSA", ekus: 1},
	{file: "teams-corrupt.pfx", status: StatusUnreadable},
	{file: "nodes.pem", status: StatusRead, key: "RSA", ekus: 2},
}

func TestExampleCerts(t *testing.T) {
	if *updateExampleCerts {
		generateExampleCerts(t)
	}
	rootPEM, err := os.ReadFile(filepath.Join(exampleCertsDir, "root-ca.pem"))
	if err != nil {
		t.Fatalf("examples/certs: %v (regenerate with -update-example-certs)", err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(rootPEM) {
		t.Fatal("root-ca.pem holds no certificate")
	}
	for _, ec := range exampleCerts {
		t.Run(ec.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(exampleCertsDir, ec.file))
			if err != nil {
				t.Fatal(err)
			}
			f := Inspect(data, Options{RequirePFX: filepath.Ext(ec.file) == ".pfx", Roots: roots, Now: exampleClock})
			want(t, f.Status, ec.status)
			if ec.status != StatusRead {
				return
			}
			want(t, f.Key.Algorithm, ec.key)
			if ec.provider != "" {
				want(t, len(f.Providers), 1)
				want(t, f.Providers[0].Kind, ec.provider)
			}
			want(t, f.Chain.Problem, ec.problem)
			want(t, f.Chain.Built, ec.problem == "")
			want(t, len(f.Leaf.EKUs), ec.ekus)
			end, _ := time.Parse(time.RFC3339, f.Leaf.NotAfter)
			want(t, end.Before(exampleClock), ec.expired)
			want(t, !ec.expired && end.Before(exampleClock.AddDate(0, 0, 30)), ec.expiring)
		})
	}
}

func generateExampleCerts(t *testing.T) {
	bin := openssl(t)
	dir := exampleCertsDir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	newRSA := func(bits int) crypto.Signer {
		k, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	serial := int64(1000)
	mk := func(cn string, dns []string, key crypto.Signer, parent *issued, ca bool, from, to time.Time, ekus []x509.ExtKeyUsage, sig x509.SignatureAlgorithm, aia []string) *issued {
		serial++
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: cn, Organization: []string{"Fabrikam (pxlint example)"}},
			DNSNames: dns, NotBefore: from, NotAfter: to, BasicConstraintsValid: true, IsCA: ca,
			ExtKeyUsage: ekus, SignatureAlgorithm: sig, IssuingCertificateURL: aia,
			KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		}
		if ca {
			tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
		}
		signer, signerKey := tmpl, key
		if parent != nil {
			signer, signerKey = parent.cert, parent.key
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, signer, key.Public(), signerKey)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := x509.ParseCertificate(der)
		return &issued{cert: c, key: key}
	}
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	both := []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}
	root := mk("Fabrikam Example Root CA", nil, newRSA(2048), nil, true, d(2025, 1, 1), d(2040, 1, 1), nil, 0, nil)
	inter := mk("Fabrikam Example Issuing CA", nil, newRSA(2048), root, true, d(2025, 1, 1), d(2035, 1, 1), nil, 0, []string{"http://pki.fabrikam.example/root-ca.crt"})
	leafKey := newRSA(2048)
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	name := []string{"teams.px3xx.fabrikam.net"}
	from, to := d(2026, 1, 1), d(2028, 1, 1)
	pfx := func(file, csp string, leaf *issued, chain ...*x509.Certificate) {
		keyDER, err := x509.MarshalPKCS8PrivateKey(leaf.key)
		if err != nil {
			t.Fatal(err)
		}
		key := writeFile(t, tmp, "key.pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
		crt := writeFile(t, tmp, "cert.pem", pemOf(leaf.cert))
		// An empty password, so that the examples read without PXLINT_PFX_PASSWORD.
		args := []string{"pkcs12", "-export", "-inkey", key, "-in", crt, "-passout", "pass:", "-out", filepath.Join(dir, file)}
		if len(chain) > 0 {
			args = append(args, "-certfile", writeFile(t, tmp, "chain.pem", pemOf(chain...)))
		}
		if csp != "" {
			args = append(args, "-CSP", csp)
		}
		if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", file, err, b)
		}
	}
	const csp = "Microsoft Enhanced RSA and AES Cryptographic Provider"
	good := mk(name[0], name, leafKey, inter, false, from, to, both, 0, nil)
	pfx("teams-good.pfx", csp, good, inter.cert)
	pfx("teams-ecdsa.pfx", csp, mk(name[0], name, ecKey, inter, false, from, to, both, 0, nil), inter.cert)
	pfx("teams-ksp.pfx", "Microsoft Software Key Storage Provider", good, inter.cert)
	pfx("teams-no-provider.pfx", "", good, inter.cert)
	pfx("teams-wrong-name.pfx", csp, mk("teams.other.fabrikam.net", []string{"teams.other.fabrikam.net"}, leafKey, inter, false, from, to, both, 0, nil), inter.cert)
	pfx("teams-expired.pfx", csp, mk(name[0], name, leafKey, inter, false, d(2025, 1, 1), d(2026, 1, 1), both, 0, nil), inter.cert)
	pfx("teams-expiring.pfx", csp, mk(name[0], name, leafKey, inter, false, d(2025, 12, 10), d(2026, 12, 10), both, 0, nil), inter.cert)
	pfx("teams-leaf-only.pfx", csp, good)
	pfx("teams-self-signed.pfx", csp, mk(name[0], name, leafKey, nil, false, from, to, both, 0, nil))
	pfx("teams-weak.pfx", csp, mk(name[0], name, newRSA(1024), inter, false, from, to, both, x509.SHA1WithRSA, nil), inter.cert)
	pfx("teams-client-auth.pfx", csp, mk(name[0], name, leafKey, inter, false, from, to, []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}, 0, nil), inter.cert)
	goodPFX, err := os.ReadFile(filepath.Join(dir, "teams-good.pfx"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "teams-corrupt.pfx", goodPFX[:len(goodPFX)/2]) // cut off, as by a failed copy
	nodes := mk("*.nodes.px3xx.fabrikam.net", []string{"*.nodes.px3xx.fabrikam.net"}, leafKey, inter, false, from, to, both, 0, nil)
	writeFile(t, dir, "nodes.pem", pemOf(nodes.cert, inter.cert))
	writeFile(t, dir, "root-ca.pem", pemOf(root.cert))
}
