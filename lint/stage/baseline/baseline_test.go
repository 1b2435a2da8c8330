package baseline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/internal/golden"
)

func report(root string) *finding.Report {
	eu := filepath.Join(root, "regions", "eu.ps1")
	us := filepath.Join(root, "regions", "us.ps1")
	return &finding.Report{Files: []finding.FileResult{
		{Path: us, Findings: []finding.Finding{
			{RuleID: "PX105", File: us, Variable: "PxNodesSourceAddressPrefixes", Element: `"0.0.0.0/0"`,
				Region: &finding.Region{StartLine: 9}, Message: "broad"},
			// the same problem twice: counted, not merged away
			{RuleID: "PX105", File: us, Variable: "PxNodesSourceAddressPrefixes", Element: `"0.0.0.0/0"`,
				Region: &finding.Region{StartLine: 10}, Message: "broad"},
			// suppressed findings are not recorded
			{RuleID: "PX208", File: us, Variable: "PxBaseConnName", Suppression: &finding.Suppression{Kind: "external"}},
		}},
		{Path: eu, Findings: []finding.Finding{
			// secrets: never the element text
			{RuleID: "PX506", File: eu, Variable: "PxWinAdminPassword", Element: "Hunter2!", Message: "plaintext"},
			{RuleID: "PX999", File: eu, Variable: "PxAppSecret", Element: "s3cr3t"},
			// certificates: by fingerprint, not by variable
			{RuleID: "PX305", File: eu, Variable: "PxCertFileName", Fingerprint: "AB12"},
			// file-level finding
			{RuleID: "PX401", File: eu, Message: "no Az pin"},
		}},
	}}
}

func TestWriteGolden(t *testing.T) {
	root := t.TempDir()
	got, err := Write(report(root), root)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Hunter2", "s3cr3t"} {
		if strings.Contains(string(got), secret) {
			t.Errorf("baseline contains the secret %q", secret)
		}
	}
	golden.Check(t, filepath.Join("testdata", "baseline.golden.json"), got)
	// stable: same input, same bytes, whatever the file order
	r := report(root)
	r.Files[0], r.Files[1] = r.Files[1], r.Files[0]
	again, err := Write(r, root)
	if err != nil || string(again) != string(got) {
		t.Errorf("Write is not stable under file order: %v\n%s", err, again)
	}
	// root "" means each file's git top level
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	own, err := Write(report(root), "")
	if err != nil || string(own) != string(got) {
		t.Errorf("Write with each file's own root differs: %v\n%s", err, own)
	}
	// and it reads back
	b, err := Parse(got)
	if err != nil {
		t.Fatalf("Parse(Write(...)): %v", err)
	}
	if len(b.Entries) != 5 || b.Entries[len(b.Entries)-1].Count != 2 {
		t.Errorf("entries = %+v", b.Entries)
	}
}

func TestKeyOf(t *testing.T) {
	tests := []struct {
		f    finding.Finding
		want Key
	}{
		{finding.Finding{RuleID: "PX105", Variable: "PxA", Element: `"0.0.0.0/0"`, Region: &finding.Region{StartLine: 3}, Message: "m"},
			Key{Rule: "PX105", Path: "a.ps1", Variable: "PxA", Element: `"0.0.0.0/0"`}},
		{finding.Finding{RuleID: "PX506", Variable: "PxWinAdminPassword", Element: "pw"},
			Key{Rule: "PX506", Path: "a.ps1", Variable: "PxWinAdminPassword"}},
		{finding.Finding{RuleID: "PX003", Variable: "PxTeamsBotSecret", Element: "'$x'"},
			Key{Rule: "PX003", Path: "a.ps1", Variable: "PxTeamsBotSecret"}},
		{finding.Finding{RuleID: "PX305", Variable: "PxCert", Fingerprint: "FF"},
			Key{Rule: "PX305", Path: "a.ps1", Fingerprint: "FF"}},
	}
	for _, tt := range tests {
		if got := KeyOf(&tt.f, "a.ps1"); got != tt.want {
			t.Errorf("KeyOf(%+v) = %+v, want %+v", tt.f, got, tt.want)
		}
	}
	// the line is not part of the key
	a := finding.Finding{RuleID: "PX105", Variable: "PxA", Region: &finding.Region{StartLine: 3}}
	b := a
	b.Region = &finding.Region{StartLine: 30}
	if KeyOf(&a, "x") != KeyOf(&b, "x") {
		t.Error("moving a finding changed its key")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{`{"schema":"pxlint-baseline/v2","findings":[]}`, `schema "pxlint-baseline/v2": want "pxlint-baseline/v1" (rewrite it with --write-baseline)`},
		{`{"schema":"pxlint-baseline/v1","findings":[{"rule":"PX105","count":1}]}`, "finding 1: want rule, path and a count of at least 1"},
		{`{"schema":"pxlint-baseline/v1","findings":[{"rule":"PX105","path":"a","count":0}]}`, "finding 1: want rule, path and a count of at least 1"},
		{`{"schema":"pxlint-baseline/v1","findings":[],"extra":1}`, `json: unknown field "extra"`},
		{`{"schema":"pxlint-baseline/v1","findings":[]} {}`, "trailing data after the baseline object"},
		{`not json`, "invalid character 'o' in literal null (expecting 'u')"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%s) = %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.json")
	if err := os.WriteFile(path, []byte(`{"schema":"pxlint-baseline/v1","findings":[{"rule":"PX105","path":"a.ps1","count":2}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Path != path || len(b.Entries) != 1 {
		t.Errorf("Load = %+v", b)
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, make([]byte, MaxSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Load(big) = %v", err)
	}
}

func TestMatcherCounts(t *testing.T) {
	k := Key{Rule: "PX105", Path: "a.ps1", Variable: "PxA"}
	other := Key{Rule: "PX105", Path: "b.ps1", Variable: "PxA"}
	b := &Baseline{Path: "base.json", Entries: []Entry{{Key: k, Count: 2}, {Key: other, Count: 1}}}
	m := b.Matcher()
	if m.Source() != "base.json" {
		t.Errorf("Source = %q", m.Source())
	}
	got := []bool{m.Take(k), m.Take(k), m.Take(k)}
	if !reflect.DeepEqual(got, []bool{true, true, false}) {
		t.Errorf("a key recorded twice suppresses exactly two findings, got %v", got)
	}
	if unused := m.Unused(); len(unused) != 1 || unused[0].Key != other {
		t.Errorf("Unused = %+v", unused)
	}
	var nilB *Baseline
	if nilB.Matcher().Take(k) {
		t.Error("a nil baseline matched")
	}
	var nilM *Matcher
	if nilM.Take(k) || nilM.Unused() != nil {
		t.Error("a nil matcher matched")
	}
	if s := k.String(); s != "PX105 a.ps1 PxA" {
		t.Errorf("String = %q", s)
	}
}

// TestMatcherConcurrent: files of one run share a matcher; counts are
// handed out exactly once whatever the parallelism (run with -race).
func TestMatcherConcurrent(t *testing.T) {
	k := Key{Rule: "PX105", Path: "a.ps1"}
	m := (&Baseline{Entries: []Entry{{Key: k, Count: 50}}}).Matcher()
	var wg sync.WaitGroup
	var mu sync.Mutex
	taken := 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if m.Take(k) {
					mu.Lock()
					taken++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if taken != 50 {
		t.Errorf("taken = %d, want 50", taken)
	}
}

// The engine keys a script on one path (FileResult.Script): outside git
// that is relative to the governing config's folder, which Write cannot
// recompute from the shown path, so Write uses it.
func TestWriteUsesTheEnginesScriptPath(t *testing.T) {
	r := &finding.Report{Files: []finding.FileResult{{
		Path: "../cfgroot/regions/weu.ps1", Script: "regions/weu.ps1",
		Findings: []finding.Finding{{RuleID: "PX102", File: "../cfgroot/regions/weu.ps1", Variable: "PxMgmtSrcAddrPrefixes", Element: `"10.0.0.1/8"`}},
	}}}
	b, err := Write(r, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Entries) != 1 || got.Entries[0].Path != "regions/weu.ps1" {
		t.Errorf("entries = %+v, want the path regions/weu.ps1", got.Entries)
	}
}
