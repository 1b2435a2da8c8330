// Package policytest runs the PX3xx Rego policies over facts that lint/cert
// collects from generated certificate files: the contract test between the
// Go facts (JSON field names, statuses) and the policies that read them.
// It lives apart from lint/cert so that package's tests and fuzz target do
// not build OPA.
package policytest

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/pxlint/pxlint/lint/cert"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/policy"
)

var now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

type party struct {
	cert *x509.Certificate
	key  crypto.Signer
}

func rsaKey(t *testing.T) crypto.Signer {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// issue signs tmpl with parent (self-signed when nil).
func issue(t *testing.T, tmpl *x509.Certificate, key crypto.Signer, parent *party) *party {
	t.Helper()
	tmpl.SerialNumber = big.NewInt(time.Now().UnixNano())
	tmpl.BasicConstraintsValid = true
	if tmpl.NotBefore.IsZero() {
		tmpl.NotBefore, tmpl.NotAfter = now.AddDate(-1, 0, 0), now.AddDate(1, 0, 0)
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
	return &party{cert: c, key: key}
}

func leafTmpl(names ...string) *x509.Certificate {
	return &x509.Certificate{
		Subject: pkix.Name{CommonName: names[0]}, DNSNames: names,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
}

func input(t *testing.T, certs *cert.Certificates, vars map[string]string) model.Input {
	in := model.Input{
		SchemaVersion: model.SchemaVersion, File: "variables.ps1", Profile: "az",
		Variables:    map[string]*model.Variable{},
		Certificates: certs,
		Context:      model.Context{Now: now.Format(time.RFC3339)},
		Config:       model.Config{ExpiryDays: 30, Rules: map[string]map[string]any{}},
		References:   []model.Reference{}, Commands: []model.Command{}, Repository: []model.ScriptSummary{},
	}
	for k, v := range vars {
		in.Variables[k] = &model.Variable{Name: k, SourceName: k, Kind: model.KindString, Value: v, Line: 1, Column: 1}
	}
	return in
}

// outcome is "PXnnn:severity@variable" for each finding and "PXnnn:nv" for
// each not_verified of the PX3xx rules, sorted.
func outcome(t *testing.T, e *policy.Engine, in model.Input) []string {
	t.Helper()
	out, err := e.Eval(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range out.Deny {
		if strings.HasPrefix(r.ID, "PX3") {
			got = append(got, r.ID+":"+r.Severity.String()+"@"+r.Variable)
			if r.Cert == "" {
				t.Errorf("%s finding without cert: %s", r.ID, r.Msg)
			}
		}
	}
	for _, r := range out.NotVerified {
		if strings.HasPrefix(r.ID, "PX3") {
			got = append(got, r.ID+":nv")
		}
	}
	sort.Strings(got)
	return dedupe(got)
}

func dedupe(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func TestPoliciesOverCollectedFacts(t *testing.T) {
	e, err := policy.PrepareWith(context.Background(), nil, policy.DefaultSandbox())
	if err != nil {
		t.Fatal(err)
	}
	root := issue(t, &x509.Certificate{Subject: pkix.Name{CommonName: "Root"}, IsCA: true, KeyUsage: x509.KeyUsageCertSign, NotBefore: now.AddDate(-5, 0, 0), NotAfter: now.AddDate(10, 0, 0)}, rsaKey(t), nil)
	inter := issue(t, &x509.Certificate{Subject: pkix.Name{CommonName: "Issuing CA"}, IsCA: true, KeyUsage: x509.KeyUsageCertSign, NotBefore: now.AddDate(-2, 0, 0), NotAfter: now.AddDate(5, 0, 0)}, rsaKey(t), root)
	leafKey := rsaKey(t)
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)

	dir := t.TempDir()
	rootPEM := filepath.Join(dir, "root.pem")
	write(t, rootPEM, pemOf(root.cert))
	pfx := func(name string, leaf *party, cas ...*x509.Certificate) string {
		b, err := pkcs12.Modern2023.Encode(leaf.key, leaf.cert, cas, "pw")
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		write(t, p, b)
		return p
	}
	good := issue(t, leafTmpl("teams.example.com"), leafKey, inter)
	expiring := leafTmpl("teams.example.com")
	expiring.NotBefore, expiring.NotAfter = now.AddDate(-1, 0, 0), now.AddDate(0, 0, 10)
	expired := leafTmpl("teams.example.com")
	expired.NotBefore, expired.NotAfter = now.AddDate(-1, 0, 0), now.AddDate(0, 0, -1)
	clientOnly := leafTmpl("teams.example.com")
	clientOnly.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}

	files := map[string]string{
		"good":         pfx("good.pfx", good, inter.cert),
		"ecdsa":        pfx("ecdsa.pfx", issue(t, leafTmpl("teams.example.com"), ecKey, inter), inter.cert),
		"no-inter":     pfx("no-inter.pfx", good),
		"self-signed":  pfx("self.pfx", issue(t, leafTmpl("teams.example.com"), leafKey, nil)),
		"expiring":     pfx("expiring.pfx", issue(t, expiring, leafKey, inter), inter.cert),
		"expired":      pfx("expired.pfx", issue(t, expired, leafKey, inter), inter.cert),
		"client-only":  pfx("client.pfx", issue(t, clientOnly, leafKey, inter), inter.cert),
		"not-a-pfx":    filepath.Join(dir, "teams.cer"),
		"node-wild":    filepath.Join(dir, "node.pem"),
		"node-partial": filepath.Join(dir, "node2.pem"),
	}
	write(t, files["not-a-pfx"], good.cert.Raw)
	write(t, files["node-wild"], pemOf(issue(t, leafTmpl("*.nodes.example.com"), leafKey, inter).cert, inter.cert))
	write(t, files["node-partial"], pemOf(issue(t, leafTmpl("a.nodes.example.com"), leafKey, inter).cert, inter.cert))

	vars := map[string]string{"PxTeamsConnFqdn": "teams.example.com", "PxNodeFqdns": "a.nodes.example.com, b.nodes.example.com", "PxPfxCertFileName": "good.pfx"}
	pw := "pw"
	// Severity "none" is the registry default; PX302 sets its level. No
	// intermediate has an AIA URL, so PX312 passes unless nothing was read.
	tests := []struct {
		name   string
		req    cert.Request
		vars   map[string]string
		expect []string
	}{
		{"good PFX from the script, wildcard node certificate", cert.Request{PfxFileName: "good.pfx", NodeCerts: []string{files["node-wild"]}}, vars,
			[]string{"PX302:warning@PxPfxCertFileName"}},
		{"--cert overrides; no node certificate", cert.Request{CertPath: files["good"]}, vars,
			[]string{"PX302:warning@PxPfxCertFileName", "PX309:nv"}},
		{"ECDSA", cert.Request{CertPath: files["ecdsa"]}, vars,
			[]string{"PX301:none@PxPfxCertFileName", "PX302:warning@PxPfxCertFileName", "PX309:nv"}},
		{"name mismatch", cert.Request{CertPath: files["good"]}, map[string]string{"PxTeamsConnFqdn": "teams.other.com", "PxPfxCertFileName": "good.pfx"},
			[]string{"PX302:warning@PxPfxCertFileName", "PX303:none@PxTeamsConnFqdn", "PX309:nv"}},
		{"missing intermediate", cert.Request{CertPath: files["no-inter"]}, vars,
			[]string{"PX302:warning@PxPfxCertFileName", "PX306:none@PxPfxCertFileName", "PX309:nv"}},
		{"self-signed", cert.Request{CertPath: files["self-signed"]}, vars,
			[]string{"PX302:warning@PxPfxCertFileName", "PX307:none@PxPfxCertFileName", "PX309:nv"}},
		{"expiring in 10 days", cert.Request{CertPath: files["expiring"]}, vars,
			[]string{"PX302:warning@PxPfxCertFileName", "PX305:none@PxPfxCertFileName", "PX309:nv"}},
		{"expired", cert.Request{CertPath: files["expired"]}, vars,
			[]string{"PX302:warning@PxPfxCertFileName", "PX304:none@PxPfxCertFileName", "PX309:nv"}},
		{"Client Authentication only", cert.Request{CertPath: files["client-only"]}, vars,
			[]string{"PX302:warning@PxPfxCertFileName", "PX309:nv", "PX311:none@PxPfxCertFileName"}},
		{"a .cer as the PFX", cert.Request{CertPath: files["not-a-pfx"]}, vars,
			[]string{"PX301:nv", "PX302:nv", "PX303:nv", "PX304:nv", "PX305:nv", "PX306:nv", "PX307:nv", "PX308:nv", "PX309:nv", "PX310:none@PxPfxCertFileName", "PX311:nv", "PX312:nv"}},
		{"node name not covered", cert.Request{CertPath: files["good"], NodeCerts: []string{files["node-partial"]}}, vars,
			[]string{"PX302:warning@PxPfxCertFileName", "PX309:none@PxNodeFqdns"}},
		{"absent PFX: everything not verified, no finding", cert.Request{PfxFileName: "absent.pfx"}, vars,
			[]string{"PX301:nv", "PX302:nv", "PX303:nv", "PX304:nv", "PX305:nv", "PX306:nv", "PX307:nv", "PX308:nv", "PX309:nv", "PX310:nv", "PX311:nv", "PX312:nv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req
			req.ScriptDir, req.Password, req.CAFiles, req.Now = dir, &pw, []string{rootPEM}, now
			certs, err := cert.Collect(req)
			if err != nil {
				t.Fatal(err)
			}
			got := outcome(t, e, input(t, certs, tt.vars))
			if strings.Join(got, " ") != strings.Join(tt.expect, " ") {
				t.Errorf("got  %q\nwant %q", got, tt.expect)
			}
		})
	}
}

func pemOf(certs ...*x509.Certificate) []byte {
	var out []byte
	for _, c := range certs {
		out = append(out, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	return out
}

func write(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
