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
