package facts

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLoadInventory reads an `az group list` of 5,000 resource groups,
// a large subscription.
func BenchmarkLoadInventory(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("[")
	for i := range 5000 {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"id": "/subscriptions/%s/resourceGroups/rg-%d", "location": "westeurope", "name": "rg-%d", "properties": {"provisioningState": "Succeeded"}, "tags": null}`, subA, i, i)
	}
	sb.WriteString("]")
	p := writeTempB(b, "rgs.json", []byte(sb.String()))
	b.SetBytes(int64(sb.Len()))
	b.ResetTimer()
	for b.Loop() {
		if _, err := LoadInventory(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadFacts reads a typical facts file (UTF-16, as 5.1 writes it).
func BenchmarkLoadFacts(b *testing.B) {
	p := writeTempB(b, "facts.json", utf16LE(minimalFacts, true))
	for b.Loop() {
		if _, err := Load(p); err != nil {
			b.Fatal(err)
		}
	}
}
