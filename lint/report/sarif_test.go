package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
)

// sarifDoc is the part of a SARIF log these tests read.
type sarifDoc struct {
	Runs []struct {
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Invocations []struct {
			Successful    *bool `json:"executionSuccessful"`
			Notifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
				Rule struct {
					ID string `json:"id"`
				} `json:"associatedRule"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Tool struct {
			Driver struct {
				Rules []struct {
					ID         string `json:"id"`
					Properties struct {
						Tags     []string `json:"tags"`
						Security string   `json:"security-severity"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			Kind                string            `json:"kind"`
			Level               string            `json:"level"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func sarifOf(t *testing.T, r *finding.Report, opt Options) (sarifDoc, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := writeSARIF(&buf, r, fixtureRules(), opt); err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc, buf.Bytes()
}

func TestSARIFNotVerified(t *testing.T) {
	for _, tc := range []struct {
		name          string
		opt           Options
		open, notices int
	}{
		{"notifications by default", Options{}, 0, 2},
		{"results when asked", Options{SARIFNotVerifiedResults: true}, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := sarifOf(t, fixtureReport(), tc.opt)
			run := doc.Runs[0]
			open := 0
			for _, r := range run.Results {
				if r.Kind == "open" {
					open++
				}
			}
			notices := 0
			for _, inv := range run.Invocations {
				if inv.Successful == nil || !*inv.Successful {
					t.Error("invocation without executionSuccessful true")
				}
				for _, n := range inv.Notifications {
					notices++
					if n.Rule.ID != "PX303" || n.Level != "note" || n.Message.Text != "no certificate given (--cert)" {
						t.Errorf("notification %+v", n)
					}
				}
			}
			if open != tc.open || notices != tc.notices {
				t.Errorf("open results %d, notifications %d; want %d, %d", open, notices, tc.open, tc.notices)
			}
		})
	}
}

// The library's defaults (empty arrays, -1 placeholders) are not written.
func TestSARIFCompact(t *testing.T) {
	for name, out := range map[string][]byte{"fixture": render(t, "sarif", Options{}), "empty": emptyRender(t, "sarif")} {
		for _, bad := range []string{"[]", ": -1"} {
			if bytes.Contains(out, []byte(bad)) {
				t.Errorf("%s: output holds %q", name, bad)
			}
		}
	}
	// The property bag is data: an empty array in it stays.
	if got := dropDefaults(map[string]any{"properties": map[string]any{"tags": []any{}}, "x": []any{}, "n": json.Number("-1"), "m": json.Number("0")}); fmt.Sprint(got) != "map[m:0 properties:map[tags:[]]]" {
		t.Errorf("dropDefaults = %v", got)
	}
}

func TestSARIFAutomationDetails(t *testing.T) {
	for _, tc := range []struct{ category, want string }{
		{"", "pxlint/pxlint/"},
		{"regions/west/", "pxlint/regions/west/"},
	} {
		doc, _ := sarifOf(t, fixtureReport(), Options{SARIFCategory: tc.category})
		if got := doc.Runs[0].AutomationDetails.ID; got != tc.want {
			t.Errorf("category %q: automationDetails.id = %q, want %q", tc.category, got, tc.want)
		}
	}
	got := Options{}.WithEnv(func(k string) string {
		return map[string]string{"PXLINT_SARIF_CATEGORY": " west ", "PXLINT_SARIF_NOT_VERIFIED": "Results"}[k]
	})
	if got.SARIFCategory != "west" || !got.SARIFNotVerifiedResults {
		t.Errorf("WithEnv = %+v", got)
	}
}

// Security severity comes from rule metadata, with the "security" tag; other
// rules have neither.
func TestSARIFSecuritySeverity(t *testing.T) {
	doc, _ := sarifOf(t, fixtureReport(), Options{})
	got := map[string]string{}
	for _, r := range doc.Runs[0].Tool.Driver.Rules {
		tagged := false
		for _, tag := range r.Properties.Tags {
			tagged = tagged || tag == "security"
		}
		if tagged != (r.Properties.Security != "") {
			t.Errorf("%s: tag security %v but security-severity %q", r.ID, tagged, r.Properties.Security)
		}
		if len(r.Properties.Tags) > maxTagsPerRule {
			t.Errorf("%s: %d tags, code scanning rejects more than %d", r.ID, len(r.Properties.Tags), maxTagsPerRule)
		}
		if r.Properties.Security != "" {
			got[r.ID] = r.Properties.Security
		}
	}
	if fmt.Sprint(got) != "map[PX105:5.3 PX506:8.8]" {
		t.Errorf("security severities = %v", got)
	}
}

// Inserting lines above a finding moves it down; its alert must stay the
// same one, so the fingerprint does not depend on the line.
func TestSARIFFingerprintSurvivesLineMove(t *testing.T) {
	before, _ := sarifOf(t, fixtureReport(), Options{})
	moved := fixtureReport()
	for i := range moved.Files {
		for j := range moved.Files[i].Findings {
			if g := moved.Files[i].Findings[j].Region; g != nil {
				g.StartLine += 7
				g.EndLine += 7
			}
		}
	}
	after, _ := sarifOf(t, moved, Options{})
	if len(before.Runs[0].Results) != len(after.Runs[0].Results) {
		t.Fatal("moving lines changed the results")
	}
	for i, r := range before.Runs[0].Results {
		if a := after.Runs[0].Results[i]; a.PartialFingerprints["pxlint/v1"] != r.PartialFingerprints["pxlint/v1"] {
			t.Errorf("%s: fingerprint %s became %s after a line move", r.RuleID, r.PartialFingerprints["pxlint/v1"], a.PartialFingerprints["pxlint/v1"])
		}
	}
}

// GitHub rejects a run with more than 25,000 results: pxlint keeps the most
// severe and says how many it left out.
func TestSARIFResultLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short: renders 25,010 results")
	}
	r := fixtureReport()
	f := &r.Files[2]
	for i := range maxResultsPerRun + 10 {
		sev := finding.SeverityInfo
		if i == maxResultsPerRun+5 {
			sev = finding.SeverityError // last in file order, kept by severity
		}
		f.Findings = append(f.Findings, finding.Finding{RuleID: "PX102", Severity: sev, File: f.Path,
			Region: &finding.Region{StartLine: 1}, Element: fmt.Sprint(i), Message: "m"})
	}
	doc, out := sarifOf(t, r, Options{})
	run := doc.Runs[0]
	if len(run.Results) != maxResultsPerRun {
		t.Fatalf("%d results, want %d", len(run.Results), maxResultsPerRun)
	}
	errors := 0
	for _, res := range run.Results {
		if res.Level == "error" {
			errors++
		}
	}
	if errors != 6 { // the fixture's five errors and the one added
		t.Errorf("%d errors kept, want 6", errors)
	}
	if !strings.Contains(string(out), "results left out: GitHub code scanning rejects a run with more than 25000") {
		t.Error("no notification of the results left out")
	}
}

// Two findings with the same key (the same parse error twice) keep distinct
// fingerprints, and a line number in a message does not enter one.
func TestSARIFFingerprintsOfMessageKeyedFindings(t *testing.T) {
	r := fixtureReport()
	f := &r.Files[2]
	for _, line := range []int{4, 9} {
		f.Findings = append(f.Findings, finding.Finding{RuleID: "PX001", Severity: finding.SeverityError, File: f.Path,
			Region: &finding.Region{StartLine: line, StartColumn: 1}, Message: "unexpected ')': nothing to close here"})
	}
	f.Findings = append(f.Findings, finding.Finding{RuleID: "PX004", Severity: finding.SeverityError, File: f.Path,
		Region: &finding.Region{StartLine: 12, StartColumn: 5}, Message: "$PxX is used on line 12 but never assigned"})
	doc, _ := sarifOf(t, r, Options{})
	prints := map[string]string{}
	for _, res := range doc.Runs[0].Results {
		if res.RuleID == "PX001" || res.RuleID == "PX004" {
			fp := res.PartialFingerprints["pxlint/v1"]
			if other, dup := prints[fp]; dup {
				t.Errorf("%s and %s share fingerprint %s", other, res.RuleID, fp)
			}
			prints[fp] = res.RuleID
		}
	}
	if len(prints) != 3 {
		t.Errorf("%d distinct fingerprints, want 3", len(prints))
	}
	moved := finding.Finding{Message: "$PxX is used on line 15 but never assigned"}
	if findingKey(&moved) != findingKey(&f.Findings[len(f.Findings)-1]) {
		t.Error("the line number in a message changed its key")
	}
}
