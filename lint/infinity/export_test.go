package infinity

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint/ps"
)

const rule = `{"id": 7, "resource_uri": "/api/admin/configuration/v1/gateway_routing_rule/7/", "name": "Teams", "priority": 40,
 "match_string": "(\\d{9,12})(@vc\\.example\\.org)?", "replace_string": "\\1", "called_device_type": "teams_conference",
 "outgoing_protocol": "teams", "teams_proxy": {"id": 1, "resource_uri": "/api/admin/configuration/v1/teams_proxy/1/"},
 "outgoing_location": "/api/admin/configuration/v1/system_location/2/", "future_field": {"x": [1, 2]}}`

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestForms: every export form of §2.2 reads to the same rule object.
func TestForms(t *testing.T) {
	forms := map[string]string{
		"envelope":   `{"meta": {"limit": 500, "next": null, "offset": 0, "previous": null, "total_count": 1}, "objects": [` + rule + `]}`,
		"pages":      `[{"meta": {"next": "/x?offset=1"}, "objects": []}, {"meta": {"next": null}, "objects": [` + rule + `]}]`,
		"bare array": `[` + rule + `]`,
		"one object": rule,
	}
	for name, body := range forms {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "gateway_routing_rule.json", body)
			// As a folder, as a <resource>.json file, and inside a bundle.
			bundle := write(t, t.TempDir(), "export.json", `{"gateway_routing_rule": `+body+`, "unknown_resource": [1]}`)
			for _, path := range []string{dir, filepath.Join(dir, "gateway_routing_rule.json"), bundle} {
				e, err := Load(path)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				objs := e.Objects["gateway_routing_rule"]
				if len(objs) != 1 || objs[0].Str("name") != "Teams" || objs[0].Int("priority", 0) != 40 {
					t.Fatalf("%s: got %d objects", path, len(objs))
				}
				if k, ok := objs[0].Ref("teams_proxy", "teams_proxy"); !ok || k != "teams_proxy/1" {
					t.Errorf("%s: nested reference read as %q", path, k)
				}
				if k, _ := objs[0].Ref("outgoing_location", "system_location"); k != "system_location/2" {
					t.Errorf("%s: URI reference read as %q", path, k)
				}
				if e.Present["teams_proxy"] {
					t.Errorf("%s: teams_proxy reported present", path)
				}
			}
		})
	}
}

// TestPositions: a field's JSON pointer maps to its line and column (code points).
func TestPositions(t *testing.T) {
	body := "{\"gateway_routing_rule\": [\n  {\"name\": \"Zürich\",\n   \"replace_string\": \"\"}\n]}"
	p := write(t, t.TempDir(), "bundle.json", body)
	e, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	file, line, col, ok := e.Locate(filepath.ToSlash(p) + "#/gateway_routing_rule/0/replace_string")
	if !ok || file != filepath.ToSlash(p) || line != 3 || col != 22 {
		t.Errorf("Locate = %s %d:%d %v, want line 3 column 22", file, line, col, ok)
	}
	o := e.Objects["gateway_routing_rule"][0]
	if o.Pointer != "/gateway_routing_rule/0" {
		t.Errorf("pointer %q", o.Pointer)
	}
}

// TestMalformed: bad input is an error naming the file, JSON pointer, line and column.
func TestMalformed(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"syntax", "{\"teams_proxy\": [\n {\"name\": \"a\",}\n]}", `:2:15: at /teams_proxy/0: invalid JSON`},
		{"truncated", `{"teams_proxy": [{"name": "a"`, `at /teams_proxy/0: invalid JSON`},
		{"shape", `{"teams_proxy": "x"}`, `at /teams_proxy: want an API envelope`},
		{"element", `{"teams_proxy": [1]}`, `at /teams_proxy/0: want a teams_proxy object`},
		{"objects", `{"teams_proxy": {"meta": {}, "objects": 3}}`, `at /teams_proxy/objects: want the envelope's objects array`},
		{"not a bundle", `[1, 2]`, `want a bundle object`},
		{"no resource", `{"foo": []}`, `no known resource`},
		{"trailing", `{"teams_proxy": []} {}`, `unexpected data after the top-level value`},
		{"deep", `{"teams_proxy": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, `nested more than 64 levels`},
		{"utf16", "\xff\xfe{\x00}\x00", `not UTF-8`},
	}
	for _, tt := range tests {
		p := write(t, t.TempDir(), "export.json", tt.body)
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "export.json") {
			t.Errorf("%s: error %v, want it to name the file and contain %q", tt.name, err, tt.want)
		}
	}
	if _, err := Load(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no <resource>.json") {
		t.Errorf("empty folder: %v", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("missing file: no error")
	}
}

// TestBOM: PowerShell's UTF-8 BOM is skipped.
func TestBOM(t *testing.T) {
	p := write(t, t.TempDir(), "b.json", "\xef\xbb\xbf{\"teams_proxy\": []}")
	if _, err := Load(p); err != nil {
		t.Fatal(err)
	}
}

// TestInputOfExample: the example export resolves: connector, routes,
// samples, and no secret value anywhere in the policy input.
func TestInputOfExample(t *testing.T) {
	e, err := Load("../../examples/infinity/bad/px718-infinity-export-secrets.json")
	if err != nil {
		t.Fatal(err)
	}
	in := BuildInput(e, Settings{TeamsDomains: []string{"vc.tailspin.net"}}, nil)
	b, _ := json.Marshal(in)
	for _, secret := range []string{"DoNotEchoThisExampleKey", "DoNotEchoThisNodePassword"} {
		if strings.Contains(string(b), secret) {
			t.Errorf("the policy input carries the secret %s", secret)
		}
	}
	if len(in.Secrets) != 2 {
		t.Errorf("secrets %+v", in.Secrets)
	}
	if len(in.Samples) != 8 { // 4 lengths × (bare + 1 domain)
		t.Errorf("%d samples", len(in.Samples))
	}
	r := in.Rules[0]
	if !r.Evaluated || !r.Teams || r.TeamsProxy != "teams_proxy/1" || len(r.Routes) != 1 || r.Routes[0].Connector != "teams_proxy/1" {
		t.Errorf("rule facts %+v", r)
	}
	for i, s := range in.Samples {
		if !r.Matches[i] || r.Results[i] != s.ID {
			t.Errorf("sample %s: matched %v result %q", s.Alias, r.Matches[i], r.Results[i])
		}
	}
	if len(in.Receptions) != 1 || len(in.Receptions[0].Aliases) != 1 || in.Locations[0].Connector != "teams_proxy/1" || len(in.Locations[0].Nodes) != 2 {
		t.Errorf("reception or location facts wrong: %+v %+v", in.Receptions, in.Locations)
	}
	if in.Nodes[0].FQDN != "edge01.vc.tailspin.net" {
		t.Errorf("fqdn %q", in.Nodes[0].FQDN)
	}
}

// TestExportScriptParses: pxlint's own PowerShell reader finds no syntax
// error in the script it hands out, which is ASCII, read-only (GET only)
// and strips the secret fields.
func TestExportScriptParses(t *testing.T) {
	s := ExportScript()
	_, f := ps.ParseBytes([]byte(s), ps.DefaultLimits())
	for _, d := range f.Diagnostics {
		t.Errorf("%s at %d:%d: %s", d.Rule, d.Span.Start.Line, d.Span.Start.Col, d.Message)
	}
	for i, r := range s {
		if r > 0x7E || (r < 0x20 && r != '\n' && r != '\r' && r != '\t') {
			t.Fatalf("non-ASCII or control character %U at byte %d", r, i)
		}
	}
	for _, want := range []string{"-Method Get", "notifications_queue", "private_key", "meta.next", "limit=500"} {
		if !strings.Contains(s, want) {
			t.Errorf("export script lacks %q", want)
		}
	}
	for _, bad := range []string{"-Method Post", "-Method Put", "-Method Patch", "-Method Delete"} {
		if strings.Contains(s, bad) {
			t.Errorf("export script writes: %q", bad)
		}
	}
	for _, r := range append(append([]string{}, Required...), Optional...) {
		if !strings.Contains(s, "'"+r+"'") {
			t.Errorf("export script does not export %s", r)
		}
	}
}

// FuzzLoad: any bytes load or fail with an error; never a panic or a hang.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"gateway_routing_rule": [` + rule + `]}`))
	f.Add([]byte(`[{"meta": {}, "objects": [{"id": 1}]}]`))
	f.Add([]byte(`{"teams_proxy": {"objects": null}}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "export.json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		e, err := Load(p)
		if err != nil {
			return
		}
		in := BuildInput(e, Settings{TeamsDomains: []string{"vc.example.org"}}, nil)
		if _, err := json.Marshal(in); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkLoadAndBuild reads the example bundle and builds the policy
// input (graph, 8 samples × 2 rules, PEM parsing): the Go side of one export.
func BenchmarkLoadAndBuild(b *testing.B) {
	for b.Loop() {
		e, err := Load("../../examples/infinity/bad/px716-infinity-ca-aia.json")
		if err != nil {
			b.Fatal(err)
		}
		BuildInput(e, Settings{TeamsDomains: []string{"vc.tailspin.net"}}, nil)
	}
}

// TestPoolNames: a node's TLS certificate names (CN and SANs, PX707's
// pool-name pass) come from the PEM itself, not the subject_alt_names string.
func TestPoolNames(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Pool.VC.example.org"},
		DNSNames: []string{"edge01.vc.example.org"}, NotBefore: time.Unix(0, 0), NotAfter: time.Unix(1<<32, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	pemText := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	doc, _ := json.Marshal(map[string]any{
		"worker_vm":       []any{map[string]any{"id": 1, "hostname": "edge01", "domain": "vc.example.org", "tls_certificate": "/api/admin/configuration/v1/tls_certificate/4/"}},
		"tls_certificate": []any{map[string]any{"id": 4, "certificate": pemText, "subject_alt_names": "ignored"}},
	})
	p := write(t, t.TempDir(), "export.json", string(doc))
	e, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	in := BuildInput(e, Settings{}, nil)
	got := strings.Join(in.Nodes[0].PoolNames, ",")
	if got != "pool.vc.example.org,edge01.vc.example.org" {
		t.Errorf("pool names %q", got)
	}
}
