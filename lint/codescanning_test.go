package lint_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/report"
)

// TestExamplesSARIFForCodeScanning renders examples/ as SARIF and checks
// what GitHub code scanning would make of it: one alert per finding (no
// not_verified status among the results), within the documented upload
// limits (25,000 results per run, 10 MB gzipped).
func TestExamplesSARIFForCodeScanning(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(filepath.Join(wd, "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	rep, rs, err := lint.Run(context.Background(), lint.Options{Paths: []string{"examples"}, Now: exampleClock})
	if err != nil {
		t.Fatal(err)
	}
	findings, notVerified := 0, 0
	for _, fr := range rep.Files {
		findings += len(fr.Findings)
		for _, s := range fr.Statuses {
			if s.Status == finding.StatusNotVerified {
				notVerified++
			}
		}
	}
	f, _ := report.Get("sarif")
	var buf bytes.Buffer
	if err := f.Format(&buf, rep, rs, report.Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				Kind string `json:"kind"`
			} `json:"results"`
			Invocations []struct {
				Notifications []json.RawMessage `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	for _, r := range run.Results {
		if r.Kind != "fail" {
			t.Fatalf("a result of kind %q: code scanning would raise an alert nobody can fix", r.Kind)
		}
	}
	notes := 0
	for _, inv := range run.Invocations {
		notes += len(inv.Notifications)
	}
	if len(run.Results) != findings || notes != notVerified {
		t.Errorf("%d results and %d notifications; want one per finding (%d) and per not_verified status (%d)", len(run.Results), notes, findings, notVerified)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write(buf.Bytes())
	_ = zw.Close()
	if len(run.Results) > 25000 || gz.Len() > 10<<20 {
		t.Errorf("%d results, %d bytes gzipped: over GitHub's upload limits", len(run.Results), gz.Len())
	}
	t.Logf("examples/: %d results, %d notifications, %d bytes (%d gzipped)", len(run.Results), notes, buf.Len(), gz.Len())
}

// TestSARIFFingerprintsSurviveLineMoves lints real examples, then the same
// scripts with lines inserted above everything, and checks that every
// result keeps its partialFingerprint: code scanning must see the same
// alert, moved, not one fixed and one new.
func TestSARIFFingerprintsSurviveLineMoves(t *testing.T) {
	examples := []string{"px001-missing-comma", "px002-unquoted-address", "px004-undefined-variable", "px102-cidr-host-bits", "px206-collision/weu", "px502-fqdn"}
	dir := t.TempDir()
	var before, after []string
	for _, name := range examples {
		src, err := os.ReadFile(filepath.Join("..", "examples", "bad", name+".ps1"))
		if err != nil {
			continue // examples are renamed over time; the others still test
		}
		base := filepath.Base(name)
		a, b := filepath.Join(dir, "a", base+".ps1"), filepath.Join(dir, "b", base+".ps1")
		for _, p := range []string{a, b} {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(a, src, 0o644); err != nil {
			t.Fatal(err)
		}
		moved := append([]byte("# reviewed 2026-11-30\n# owner: network team\n\n"), src...)
		if err := os.WriteFile(b, moved, 0o644); err != nil {
			t.Fatal(err)
		}
		before = append(before, a)
		after = append(after, b)
	}
	if len(before) < 3 {
		t.Fatalf("only %d examples found", len(before))
	}
	prints := func(paths []string) map[string]int {
		rep, rs, err := lint.Run(context.Background(), lint.Options{Paths: paths, Now: exampleClock})
		if err != nil {
			t.Fatal(err)
		}
		for i := range rep.Files { // the same paths in both runs
			rep.Files[i].Path = filepath.Base(rep.Files[i].Path)
			for j := range rep.Files[i].Findings {
				rep.Files[i].Findings[j].File = rep.Files[i].Path
			}
		}
		f, _ := report.Get("sarif")
		var buf bytes.Buffer
		if err := f.Format(&buf, rep, rs, report.Options{}); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Runs []struct {
				Results []struct {
					RuleID       string            `json:"ruleId"`
					Fingerprints map[string]string `json:"partialFingerprints"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, r := range doc.Runs[0].Results {
			out[r.RuleID+" "+r.Fingerprints["pxlint/v1"]]++
		}
		return out
	}
	a, b := prints(before), prints(after)
	for k, n := range a {
		if b[k] != n {
			t.Errorf("%s: %d results before the line move, %d after", k, n, b[k])
		}
	}
	if len(a) != len(b) {
		t.Errorf("%d fingerprints before the line move, %d after", len(a), len(b))
	}
}
