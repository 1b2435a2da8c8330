package cert

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
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
	// Many-bag files: at, under and over maxBags, and over the work bound.
	f.Add(hostilePFX(f, 3, 2048))
	f.Add(hostilePFX(f, maxBags, 1))
	f.Add(hostilePFX(f, maxBags+1, 1))
	f.Add(hostilePFX(f, 12, 19_000))
	f.Add(hiddenKeyPFX(f, 2048))
	pw := "Test"
	// Iteration counts up to the real limit are slow by design (a second per
	// million); the fuzzer mutates them, so it runs with lower limits.
	defer func(n, w int, d time.Duration) { maxIterations, maxWork, decryptTimeout = n, w, d }(maxIterations, maxWork, decryptTimeout)
	maxIterations, maxWork, decryptTimeout = 20_000, 200_000, 2*time.Second
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opt := range []Options{{RequirePFX: true}, {Password: &pw}} {
			start := time.Now()
			facts := Inspect(data, opt)
			if d := time.Since(start); d > 10*time.Second {
				t.Fatalf("Inspect took %v", d)
			}
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
