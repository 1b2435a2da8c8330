package cert

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/internal/testenv"
)

// realPFXDir holds PFX files from public test suites, copied from the
// project's shared/testdata/real-pfx (sources and licences in its NOTICE.md
// and manifest.json).
const realPFXDir = "testdata/real-pfx"

type manifestEntry struct {
	File       string  `json:"file"`
	Password   *string `json:"password"`
	Key        *string `json:"key"`
	CSPName    *string `json:"csp_name"`
	Encryption string  `json:"encryption"`
	Chain      *string `json:"chain"`
	DNSNames   *string `json:"dns_names"`
}

func loadManifest(t testing.TB) []manifestEntry {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(realPFXDir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m []manifestEntry
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRealPFXCopies keeps testdata/real-pfx equal to shared/testdata/real-pfx
// where that folder sits beside the clone.
func TestRealPFXCopies(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(realPFXDir, "*"))
	if err != nil || len(files) < 2 {
		t.Fatalf("%s: %d files (%v)", realPFXDir, len(files), err)
	}
	copies := map[string]string{}
	for _, f := range files {
		if filepath.Base(f) != "NOTICE.md" { // ours: the copies' origin
			copies[f] = "testdata/real-pfx/" + filepath.Base(f)
		}
	}
	testenv.CheckCopies(t, copies)
}

// TestRealPFX reads every file of the manifest as the manifest says: the
// key type, the provider attribute of each key bag (with and without the
// password), the DNS names, negative serials; the non-PFX and the invalid
// PBMAC1 file are rejected with a reason.
func TestRealPFX(t *testing.T) {
	for _, e := range loadManifest(t) {
		t.Run(e.File, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(realPFXDir, e.File))
			if err != nil {
				t.Fatal(err)
			}
			f := Inspect(data, Options{Password: e.Password, RequirePFX: true, Now: testNow})
			if e.Key == nil || e.Password == nil {
				want(t, f.Status, StatusUnreadable)
				if f.Reason == "" {
					t.Error("no reason")
				}
				return
			}
			want(t, f.Status, StatusRead)
			algo, bits := manifestKey(*e.Key)
			want(t, f.Key.Algorithm, algo)
			want(t, f.Key.Bits, bits)
			wantProviders(t, f.Providers, e.CSPName)
			if e.DNSNames != nil && !strings.HasPrefix(*e.DNSNames, "none") {
				first := strings.Fields(strings.Split(*e.DNSNames, ",")[0])[0]
				if !containsString(f.Leaf.DNSNames, first) {
					t.Errorf("DNS names %v lack %s", f.Leaf.DNSNames, first)
				}
			}
			if e.Chain != nil && strings.Contains(*e.Chain, "negative serial") {
				wantContains(t, f.Leaf.Serial, "-")
			}
			if e.Chain != nil && strings.HasPrefix(*e.Chain, "self-signed") {
				want(t, f.Leaf.SelfSigned, true)
			}

			// Without the password the provider attributes stay readable:
			// Windows and OpenSSL keep the shrouded key bag in plain data.
			locked := Inspect(data, Options{RequirePFX: true})
			if *e.Password != "" {
				if locked.Status != StatusLocked && locked.Status != StatusRead {
					t.Errorf("without password: status %q (%s)", locked.Status, locked.Reason)
				}
				wantProviders(t, locked.Providers, e.CSPName)
			}
		})
	}
}

// manifestKey reads "RSA 2048", "ECDSA P-256", "RSA 4096 (two keys)".
func manifestKey(s string) (string, int) {
	fields := strings.Fields(s)
	if fields[0] == "ECDSA" {
		return "ECDSA", 256
	}
	n := 0
	for _, c := range fields[1] {
		n = n*10 + int(c-'0')
	}
	return fields[0], n
}

func wantProviders(t *testing.T, got []Provider, csp *string) {
	t.Helper()
	var names []string
	switch {
	case csp == nil:
		names = []string{""}
	case strings.HasPrefix(*csp, "two key bags: "):
		names = strings.Split(strings.TrimPrefix(*csp, "two key bags: "), " and ")
	default:
		names = []string{*csp}
	}
	if len(got) != len(names) {
		t.Fatalf("providers %+v, want %q", got, names)
	}
	for i, n := range names {
		want(t, got[i].Name, n)
		wantKind := providerKind(n)
		if n == "" {
			wantKind = ProviderNone
		}
		want(t, got[i].Kind, wantKind)
		if strings.Contains(n, "Key Storage Provider") {
			want(t, got[i].Kind, ProviderKSP)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
