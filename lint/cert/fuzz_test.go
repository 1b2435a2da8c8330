package cert

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadPFX feeds arbitrary bytes to the reader: it must never panic nor
// hang, and must always end in a known status. Seeded from the real files.
func FuzzReadPFX(f *testing.F) {
	entries, _ := os.ReadDir(realPFXDir)
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".json" || filepath.Ext(e.Name()) == ".md" {
			continue
		}
		if b, err := os.ReadFile(filepath.Join(realPFXDir, e.Name())); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"))
	f.Add([]byte{0x30, 0x80, 0x02, 0x01, 0x03, 0x00, 0x00})
	pw := "Test"
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opt := range []Options{{RequirePFX: true}, {Password: &pw}} {
			facts := Inspect(data, opt)
			switch facts.Status {
			case StatusRead, StatusUnreadable, StatusLocked:
			default:
				t.Fatalf("status %q", facts.Status)
			}
			if facts.Status == StatusRead && facts.Leaf == nil {
				t.Fatal("read without a leaf")
			}
			if _, err := json.Marshal(facts); err != nil {
				t.Fatal(err)
			}
		}
	})
}
