package cert

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCollectAbsentScriptFile(t *testing.T) {
	dir := t.TempDir()
	got, err := Collect(Request{ScriptDir: dir, PfxFileName: `.\certs\teams.pfx`, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	f := got.TeamsConnector
	want(t, f.Status, StatusAbsent)
	want(t, f.Source, SourceScript)
	want(t, f.Reason, "certificate file "+filepath.Join(dir, "certs", "teams.pfx")+" not found")
	want(t, len(got.Nodes), 0)
}

func TestCollectWindowsAbsolutePathIsAbsent(t *testing.T) {
	got, err := Collect(Request{ScriptDir: t.TempDir(), PfxFileName: `C:\certs\teams.pfx`, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	want(t, got.TeamsConnector.Status, StatusAbsent)
	want(t, got.TeamsConnector.Reason, `certificate file C:\certs\teams.pfx not found`)
}

func TestCollectNothingNamed(t *testing.T) {
	got, err := Collect(Request{ScriptDir: t.TempDir(), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if got.TeamsConnector != nil {
		t.Errorf("teams_connector = %+v, want null", got.TeamsConnector)
	}
	b, _ := json.Marshal(got)
	want(t, string(b), `{"teams_connector":null,"nodes":[]}`)
}

func TestCollectMissingFlagPathsAreErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.pfx")
	for name, req := range map[string]Request{
		"--cert":      {CertPath: missing},
		"--node-cert": {NodeCerts: []string{missing}},
		"--ca-file":   {CAFiles: []string{missing}},
	} {
		if _, err := Collect(req); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestCollectScriptFileAndNodes(t *testing.T) {
	pki := newPKI(t, certSpec{})
	dir := t.TempDir()
	writeFile(t, dir, "teams.pfx", encodePFX(t, pkcs12.Modern2023, pki.leaf, []*x509.Certificate{pki.inter.cert}, testPassword))
	node := writeFile(t, dir, "node.pem", pemOf(pki.leaf.cert, pki.inter.cert))
	bad := writeFile(t, dir, "node.cer", []byte("not a certificate"))
	root := writeFile(t, dir, "root.pem", pemOf(pki.root.cert))
	got, err := Collect(Request{ScriptDir: dir, PfxFileName: "teams.pfx", NodeCerts: []string{node, bad}, Password: ptr(testPassword), CAFiles: []string{root}, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	want(t, got.TeamsConnector.Status, StatusRead)
	want(t, got.TeamsConnector.Path, filepath.Join(dir, "teams.pfx"))
	want(t, got.TeamsConnector.Chain.Built, true) // --ca-file made the test root trusted
	want(t, len(got.Nodes), 2)
	want(t, got.Nodes[0].Status, StatusRead)
	want(t, got.Nodes[0].Source, SourceFlag)
	want(t, got.Nodes[1].Status, StatusUnreadable)
}

func TestCollectCertFlagOverridesScript(t *testing.T) {
	pki := newPKI(t, certSpec{})
	dir := t.TempDir()
	p := writeFile(t, dir, "flag.pfx", encodePFX(t, pkcs12.LegacyDES, pki.leaf, nil, ""))
	got, err := Collect(Request{ScriptDir: dir, PfxFileName: "absent.pfx", CertPath: p, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	want(t, got.TeamsConnector.Path, p)
	want(t, got.TeamsConnector.Source, SourceFlag)
	want(t, got.TeamsConnector.Status, StatusRead)
}

func TestCollectCAFileWithoutCertificates(t *testing.T) {
	p := writeFile(t, t.TempDir(), "empty.pem", []byte("nothing here"))
	if _, err := Collect(Request{CAFiles: []string{p}}); err == nil {
		t.Error("want an error for a --ca-file without certificates")
	}
}

func TestPasswordFrom(t *testing.T) {
	dir := t.TempDir()
	got, err := PasswordFrom("from-env", "")
	if err != nil || got == nil || *got != "from-env" {
		t.Fatalf("env: %v %v", got, err)
	}
	for _, c := range []struct{ content, want string }{
		{"pw\n", "pw"}, {"pw\r\n", "pw"}, {"pw\n\n", "pw\n"}, {"\tpw \n", "\tpw "}, {"", ""},
	} {
		p := writeFile(t, dir, "pw.txt", []byte(c.content))
		got, err := PasswordFrom("from-env", p) // the file wins
		if err != nil || got == nil || *got != c.want {
			t.Errorf("file %q: got %v, %v", c.content, got, err)
		}
	}
	if got, err := PasswordFrom("", ""); got != nil || err != nil {
		t.Errorf("unset: %v %v", got, err)
	}
	if _, err := PasswordFrom("", filepath.Join(dir, "missing")); err == nil {
		t.Error("missing password file: want an error")
	}
}

// TestAIAOnline serves an intermediate's caIssuers URL on 127.0.0.1 that
// redirects to https://, and one that answers 200.
func TestAIAOnline(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/redirect.crt":
			// Following this would fail: nothing listens on port 1.
			http.Redirect(w, r, "https://127.0.0.1:1/root.crt", http.StatusMovedPermanently)
		default:
			_, _ = w.Write([]byte("DER"))
		}
	}))
	defer srv.Close()

	root := issue(t, certSpec{cn: "AIA Root", ca: true, key: "rsa2048b"}, nil)
	redirecting := issue(t, certSpec{cn: "Redirecting CA", ca: true, key: "rsa2048c", aia: []string{srv.URL + "/redirect.crt"}}, root)
	plain := issue(t, certSpec{cn: "Plain CA", ca: true, key: "rsa2048c", aia: []string{srv.URL + "/ok.crt", "ldap://ignored"}}, root)
	leaf := issue(t, certSpec{cn: "node.example.com", dns: []string{"node.example.com"}}, redirecting)
	dir := t.TempDir()
	node := writeFile(t, dir, "node.pem", pemOf(leaf.cert, redirecting.cert, plain.cert))

	offline, err := Collect(Request{NodeCerts: []string{node}, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	want(t, offline.Nodes[0].AIA.Checked, false)
	want(t, strings.Join(offline.Nodes[0].AIA.URLs, " "), srv.URL+"/redirect.crt "+srv.URL+"/ok.crt")
	want(t, hits.Load(), int32(0))

	online, err := Collect(Request{NodeCerts: []string{node}, Now: testNow, Online: true, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	a := online.Nodes[0].AIA
	want(t, a.Checked, true)
	want(t, len(a.Redirects), 1)
	want(t, a.Redirects[0].URL, srv.URL+"/redirect.crt")
	want(t, a.Redirects[0].Location, "https://127.0.0.1:1/root.crt")
	want(t, a.Redirects[0].ToHTTPS, true)
	want(t, a.Redirects[0].Status, http.StatusMovedPermanently)
	want(t, len(a.Errors), 0)
	want(t, hits.Load(), int32(2))
	if srv.Client().CheckRedirect != nil {
		t.Error("the caller's client was modified")
	}
}

// TestNoSecretsInFacts marshals the facts of every fixture and looks for
// the password and the private key in any encoding.
func TestNoSecretsInFacts(t *testing.T) {
	pki := newPKI(t, certSpec{})
	ec := newPKI(t, certSpec{key: "p256"})
	var outputs [][]byte
	var secrets []string
	for _, leaf := range []*issued{pki.leaf, ec.leaf} {
		der, err := x509.MarshalPKCS8PrivateKey(leaf.key)
		if err != nil {
			t.Fatal(err)
		}
		// Distinctive 16-byte windows of the PKCS#8 key in hex and base64.
		for i := 32; i+16 <= len(der); i += 64 {
			secrets = append(secrets, hex.EncodeToString(der[i:i+16]), base64.StdEncoding.EncodeToString(der[i:i+15]))
		}
		for _, enc := range []*pkcs12.Encoder{pkcs12.Modern2023, pkcs12.LegacyDES, pkcs12.LegacyRC2} {
			data := encodePFX(t, enc, leaf, []*x509.Certificate{pki.inter.cert}, testPassword)
			for _, pw := range []*string{ptr(testPassword), nil, ptr("wrong-" + testPassword)} {
				f := Inspect(data, Options{Password: pw, RequirePFX: true, Roots: pki.roots(), Now: testNow})
				b, err := json.Marshal(f)
				if err != nil {
					t.Fatal(err)
				}
				outputs = append(outputs, b)
			}
		}
	}
	secrets = append(secrets, testPassword, hex.EncodeToString([]byte(testPassword)), base64.StdEncoding.EncodeToString([]byte(testPassword)))
	for _, out := range outputs {
		for _, s := range secrets {
			if strings.Contains(string(out), s) {
				t.Fatalf("facts contain secret material %q:\n%s", s, out)
			}
		}
	}
}

func TestDisplayPath(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	want(t, displayPath(filepath.Join(wd, "testdata", "x.pfx")), "testdata/x.pfx")
	outside := filepath.Join(filepath.Dir(wd), "x.pfx")
	want(t, displayPath(outside), outside)
	want(t, displayPath("rel/x.pfx"), "rel/x.pfx")
}
