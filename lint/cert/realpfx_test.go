package cert

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// realPFXDir is shared/testdata/real-pfx beside the clone (CI lays shared/
// out exactly so).
const realPFXDir = "../../../shared/testdata/real-pfx"

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
		t.Skipf("real PFX files not available (%v): shared/ must sit beside the clone", err)
	}
	var m []manifestEntry
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestRealPFXDump(t *testing.T) {
	roots, err := TrustRoots(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range loadManifest(t) {
		data, err := os.ReadFile(filepath.Join(realPFXDir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		f := Inspect(data, Options{Password: e.Password, RequirePFX: !strings.HasSuffix(e.File, ".cer"), Roots: roots, Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
		b, _ := json.Marshal(struct{ S, R string; P []Provider; K *Key; L *CertInfo; C ChainResult; N int }{f.Status, f.Reason, f.Providers, f.Key, f.Leaf, f.Chain, len(f.ChainInFile)})
		t.Logf("%s: %s", e.File, b)
	}
}
