package facts

import (
	"os"
	"testing"
)

// FuzzLoaders: whatever the bytes, the facts and inventory readers return a
// value or a one-line error, and never panic or hang.
func FuzzLoaders(f *testing.F) {
	for _, p := range []string{"testdata/facts-full.json", "../../examples/facts/facts-guest-de.json", "../../examples/facts/rgs.json", "../../examples/facts/rgs-leftover.json"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(minimalFacts))
	f.Add(utf16LE(minimalFacts, true))
	f.Add([]byte(`{"schema": "pxlint-facts/v1", "modules": {"value": [], "Count": 0}}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, load := range []func(any) error{
			func(doc any) error { _, err := factsFromDocument("facts.json", doc); return err },
			func(doc any) error { _, err := inventoryFromDocument("rgs.json", doc); return err },
		} {
			doc, err := decodeJSONDocument("x.json", raw)
			if err != nil {
				continue
			}
			if err := load(doc); err != nil {
				for _, c := range err.Error() {
					if c == '\n' {
						t.Fatalf("multi-line error %q", err)
					}
				}
			}
		}
	})
}
