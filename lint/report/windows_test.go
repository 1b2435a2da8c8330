package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pxlint/pxlint/lint/finding"
)

// Paths as pxlint shows them on Windows (the code runs on Linux here, so the
// paths are given as strings): drive letters, backslashes, UNC shares.
func TestSARIFURIWindows(t *testing.T) {
	for _, tc := range []struct{ path, uri, base string }{
		{`C:\cfg\weu\variables.ps1`, "file:///C:/cfg/weu/variables.ps1", ""},
		{`c:\Program Files\pxlint\v.ps1`, "file:///c:/Program%20Files/pxlint/v.ps1", ""},
		{`D:\Zürich\v.ps1`, "file:///D:/Z%C3%BCrich/v.ps1", ""},
		{`\\fileserver\deploy\weu\variables.ps1`, "file://fileserver/deploy/weu/variables.ps1", ""},
		{`\\fileserver\deploy share\v#1.ps1`, "file://fileserver/deploy%20share/v%231.ps1", ""},
		{`\\?\C:\very\long\v.ps1`, "file:///C:/very/long/v.ps1", ""},
		{`\\?\UNC\fileserver\deploy\v.ps1`, "file://fileserver/deploy/v.ps1", ""},
		{`regions\weu\variables.ps1`, "regions/weu/variables.ps1", SRCROOT},
	} {
		uri, base := sarifURI(tc.path)
		if uri != tc.uri || base != tc.base {
			t.Errorf("sarifURI(%q) = %q, %q; want %q, %q", tc.path, uri, base, tc.uri, tc.base)
		}
	}
}

func windowsReport(path string) *finding.Report {
	return &finding.Report{
		Tool: "pxlint", Version: "1.0.0", Now: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC), FailOn: finding.FailOnError,
		Files: []finding.FileResult{{
			Path:  path,
			Lines: []string{`$PxNodesSourceAddressPrefixes = @("91.90.42.96/26")`},
			Findings: []finding.Finding{{
				RuleID: "PX102", Severity: finding.SeverityError, File: path,
				Region:  &finding.Region{StartLine: 1, StartColumn: 35, EndLine: 1, EndColumn: 51},
				Message: "91.90.42.96/26 has host bits set", Fix: `"91.90.42.64/26"`,
			}},
			Statuses: []finding.RuleStatus{{RuleID: "PX102", Status: finding.StatusFail}},
		}},
	}
}

// file:line:col keeps the Windows path as written, which editors and
// terminals on Windows (VS Code, Windows Terminal) open at the line; SARIF
// gets a file URI.
func TestWindowsPathsInOutputs(t *testing.T) {
	for _, path := range []string{`C:\cfg\weu\variables.ps1`, `\\fileserver\deploy\weu\variables.ps1`} {
		t.Run(path, func(t *testing.T) {
			r := windowsReport(path)
			for _, format := range []string{"compact", "pretty"} {
				f, _ := Get(format)
				var buf bytes.Buffer
				if err := f.Format(&buf, r, fixtureRules(), Options{}); err != nil {
					t.Fatal(err)
				}
				if want := path + ":1:35: "; !strings.Contains(buf.String(), want) {
					t.Errorf("%s output lacks %q:\n%s", format, want, buf.String())
				}
			}
			f, _ := Get("sarif")
			var buf bytes.Buffer
			if err := f.Format(&buf, r, fixtureRules(), Options{}); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Runs []struct {
					Results []struct {
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct {
									URI       string  `json:"uri"`
									URIBaseID *string `json:"uriBaseId"`
								} `json:"artifactLocation"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			al := doc.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
			wantURI, _ := sarifURI(path)
			if al.URI != wantURI || !strings.HasPrefix(al.URI, "file://") || al.URIBaseID != nil {
				t.Errorf("SARIF artifact location %+v, want %s without uriBaseId", al, wantURI)
			}
		})
	}
}
