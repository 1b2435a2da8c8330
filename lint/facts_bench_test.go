package lint_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/internal/cputime"
)

// BenchmarkRunFacts is one lint run of two scripts (one pins Az, one does
// not, so that the newest installed version is looked for) with
// workstation facts listing n installed modules (a third of them versions
// of Az and Az.Resources, the rest other modules) and an inventory of n
// resource groups: the cost of facts and inventory must grow linearly with
// n (compare ns/op between the sizes).
func BenchmarkRunFacts(b *testing.B) {
	for _, n := range []int{10_000, 20_000, 50_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := writeScripts(b, 1)
			unpinned := strings.Replace(generatedScript(1), "#Requires", "# Requires", 1)
			if err := os.WriteFile(filepath.Join(dir, "unpinned.ps1"), []byte(unpinned), 0o644); err != nil {
				b.Fatal(err)
			}
			factsPath, invPath := writeFactsAndInventory(b, n)
			b.ResetTimer()
			cpu := cputime.Process()
			for b.Loop() {
				if _, _, err := lint.Run(context.Background(), lint.Options{
					Paths: []string{dir}, Now: exampleClock, FactsPath: factsPath, InventoryPath: invPath,
				}); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time as well as ns/op: on a shared machine it shows the
			// work, where wall-clock time shows the load.
			b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// writeFactsAndInventory writes a facts file of n modules and an
// inventory of n resource groups.
func writeFactsAndInventory(b *testing.B, n int) (string, string) {
	b.Helper()
	mods := make([]map[string]string, 0, n)
	for i := range n {
		switch i % 3 {
		case 0:
			mods = append(mods, map[string]string{"name": "Az", "version": fmt.Sprintf("%d.%d.%d", 1+i%13, i/13%1000, i/13000)})
		case 1:
			mods = append(mods, map[string]string{"name": "Az.Resources", "version": fmt.Sprintf("%d.%d.%d", 1+i%7, i/7%1000, i/7000)})
		default:
			mods = append(mods, map[string]string{"name": fmt.Sprintf("Module%d", i), "version": "1.0.0"})
		}
	}
	rgs := make([]map[string]string, 0, n)
	for i := range n {
		rgs = append(rgs, map[string]string{
			"id":       fmt.Sprintf("/subscriptions/3f2c5a1e-8d4b-4c6a-9e1f-%012d/resourceGroups/rg-%d", i%50, i),
			"name":     fmt.Sprintf("rg-%d", i),
			"location": "westeurope",
		})
	}
	dir := b.TempDir()
	write := func(name string, v any) string {
		p := filepath.Join(dir, name)
		data, err := json.Marshal(v)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		return p
	}
	return write("facts.json", map[string]any{"schema": "pxlint-facts/v1", "modules": mods, "role_assignments": []any{}}),
		write("rgs.json", rgs)
}
