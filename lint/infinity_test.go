package lint_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/internal/golden"
	"github.com/pxlint/pxlint/lint/report"
	"github.com/pxlint/pxlint/lint/rules"
)

// badExportName is how each bad export names the rule it demonstrates.
var badExportName = regexp.MustCompile(`^(px7\d\d)-([a-z0-9-]+)\.json$`)

// TestBadExports: each examples/infinity/bad/pxNNN-<name>.json is the clean
// example export with one defect. Judged against the clean example script,
// its rule fails, and its findings match its .expected file (compact
// format). Every PX7xx rule has one, and no output format shows a secret.
func TestBadExports(t *testing.T) {
	if testing.Short() {
		t.Skip("one lint run per bad export (the slowest test of -short): the full suite runs it")
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join(wd, "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	files, _ := filepath.Glob("examples/infinity/bad/*.json")
	covered := map[string]bool{}
	compact, _ := report.Get("compact")
	for _, p := range files {
		p = filepath.ToSlash(p)
		m := badExportName.FindStringSubmatch(filepath.Base(p))
		if m == nil {
			t.Errorf("%s: want pxNNN-<rule name>.json", p)
			continue
		}
		id := strings.ToUpper(m[1])
		r, ok := rules.Get(id)
		if !ok || r.Name != m[2] {
			t.Errorf("%s: %s is registered as %q", p, id, r.Name)
			continue
		}
		covered[id] = true
		rep, rs, err := lint.Run(context.Background(), lint.Options{Paths: []string{"examples/infinity/variables.ps1"}, Now: exampleClock,
			Infinity: &lint.InfinityOptions{Export: p}})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(rep.Files) != 1 {
			t.Fatalf("%s: %d results", p, len(rep.Files))
		}
		if st := status(rep.Files[0], id); st != finding.StatusFail {
			t.Errorf("%s: %s is %s, want fail", p, id, st)
		}
		var buf bytes.Buffer
		if err := compact.Format(&buf, rep, rs, report.Options{}); err != nil {
			t.Fatal(err)
		}
		golden.CheckString(t, expectedFile(p), buf.String())
		for _, name := range report.Names() {
			f, _ := report.Get(name)
			var out bytes.Buffer
			if err := f.Format(&out, rep, rs, report.Options{}); err != nil {
				t.Fatal(err)
			}
			for _, secret := range []string{"DoNotEchoThis", "SharedAccessKey=", "BEGIN PRIVATE KEY"} {
				if strings.Contains(out.String(), secret) {
					t.Errorf("%s: the %s report shows a secret (%s)", p, name, secret)
				}
			}
		}
	}
	for _, r := range rules.All() {
		if r.Infinity && !covered[r.ID] {
			t.Errorf("%s %s has no bad export in examples/infinity/bad", r.ID, r.Name)
		}
	}
}

func status(fr finding.FileResult, id string) finding.Status {
	for _, s := range fr.Statuses {
		if s.RuleID == id {
			return s.Status
		}
	}
	return ""
}

// TestCleanExport: the clean example export and its script agree: no
// finding, and only the rules whose optional resource is absent are not
// verified.
func TestCleanExport(t *testing.T) {
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join(wd, "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	rep, _, err := lint.Run(context.Background(), lint.Options{Paths: []string{"examples/infinity"}, Now: exampleClock,
		Infinity: &lint.InfinityOptions{Export: "examples/infinity/export", TenantIDs: []string{"5b1f3c2e-8a4d-4f6b-9c7e-2d1a0b3c4e5f"}}})
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	if fr.Path != "examples/infinity/export" || len(fr.Findings) != 0 {
		t.Fatalf("%s: %d findings: %+v", fr.Path, len(fr.Findings), fr.Findings)
	}
	for _, s := range fr.Statuses {
		want := finding.StatusPass
		if s.RuleID == "PX716" {
			want = finding.StatusNotVerified // no ca_certificate exported
		}
		if s.Status != want {
			t.Errorf("%s: %s (%s), want %s", s.RuleID, s.Status, s.Reason, want)
		}
	}
	if len(fr.Statuses) != 18 {
		t.Errorf("%d statuses, want one per PX7xx rule", len(fr.Statuses))
	}
}

// TestInfinityBadInput: a malformed export is an error naming file and
// JSON pointer (exit code 2), not a finding.
func TestInfinityBadInput(t *testing.T) {
	p := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(p, []byte("{\"teams_proxy\": [{\"port\": 443,,}]}"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := lint.Run(context.Background(), lint.Options{Now: exampleClock, Infinity: &lint.InfinityOptions{Export: p}})
	if err == nil || !strings.Contains(err.Error(), "export.json:1:") || !strings.Contains(err.Error(), "/teams_proxy/0") {
		t.Errorf("error %v, want file:line:col and the JSON pointer", err)
	}
}

// TestPX716Online: with --online the CA certificate's http:// AIA URL is
// fetched once, without following redirects; a redirect to https fails.
func TestPX716Online(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://pki.example.org/ca.crt", http.StatusMovedPermanently)
	}))
	defer srv.Close()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Issuing CA"},
		NotBefore: exampleClock.AddDate(-1, 0, 0), NotAfter: exampleClock.AddDate(1, 0, 0), IsCA: true, BasicConstraintsValid: true,
		IssuingCertificateURL: []string{srv.URL + "/ca.crt"}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	pemText := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	doc, _ := json.Marshal(map[string]any{"ca_certificate": []any{map[string]any{"id": 1, "certificate": pemText}}})
	p := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(p, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, online := range []bool{false, true} {
		rep, _, err := lint.Run(context.Background(), lint.Options{Now: exampleClock, Online: online, Infinity: &lint.InfinityOptions{Export: p}})
		if err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, f := range rep.Files[0].Findings {
			if f.RuleID == "PX716" {
				msgs = append(msgs, f.Message)
			}
		}
		want := "run with --online"
		if online {
			want = "redirects to https"
		}
		if len(msgs) != 1 || !strings.Contains(msgs[0], want) {
			t.Errorf("online=%v: PX716 %q, want one containing %q", online, msgs, want)
		}
	}
}
