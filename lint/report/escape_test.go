package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
)

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"%0A stays literal", "%250A stays literal", "%250A stays literal"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"k: v, w", "k: v, w", "k%3A v%2C w"},
		{"::error::injected", "::error::injected", "%3A%3Aerror%3A%3Ainjected"},
		{"東京, 100%", "東京, 100%25", "東京%2C 100%25"},
	} {
		if got := githubData(tc.in); got != tc.data {
			t.Errorf("githubData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := githubProperty(tc.in); got != tc.prop {
			t.Errorf("githubProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func TestAzureEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%AZP25", "100%AZP25"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"a;b]c", "a;b]c", "a%3Bb%5Dc"},
		{"%3B", "%AZP253B", "%AZP253B"},
		{"k: v, w", "k: v, w", "k: v, w"},
	} {
		if got := azureData(tc.in); got != tc.data {
			t.Errorf("azureData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := azureProperty(tc.in); got != tc.prop {
			t.Errorf("azureProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

// A message cannot end a workflow command early or start another one: each
// finding is exactly one line in the github, azure and compact formats.
func TestOneLinePerFinding(t *testing.T) {
	for _, format := range []string{"github", "azure", "compact"} {
		out := string(render(t, format, Options{}))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		want := 7 // active findings in the fixture
		if format == "azure" {
			want++ // task.complete
		}
		if len(lines) != want {
			t.Errorf("%s: %d lines, want %d:\n%s", format, len(lines), want, out)
		}
	}
}

func TestSuppressedNeverFails(t *testing.T) {
	r := fixtureReport()
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			f := &r.Files[i].Findings[j]
			if !f.Suppressed() {
				f.Severity = finding.SeverityInfo
			}
		}
	}
	if r.ExitCode() != 0 {
		t.Fatal("fixture still fails with only suppressed errors")
	}
	var buf bytes.Buffer
	if err := writeAzure(&buf, r, fixtureRules(), Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "task.complete") || strings.Contains(buf.String(), "type=error") {
		t.Errorf("azure output fails the task on suppressed findings:\n%s", buf.String())
	}
	buf.Reset()
	if err := writeJUnit(&buf, r, fixtureRules(), Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<failure") {
		t.Errorf("junit has a failure for suppressed or low findings")
	}
}

func TestEscapeXMLText(t *testing.T) {
	for in, want := range map[string]string{
		"a<b>&c":        "a&lt;b&gt;&amp;c",
		"line\nline\r":  "line\nline&#xD;",
		"esc\x1b[31m":   "esc\uFFFD[31m",
		"東京 \"quoted\"": "東京 \"quoted\"",
	} {
		if got := escapeXMLText(in); got != want {
			t.Errorf("escapeXMLText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGitHubPosition(t *testing.T) {
	for _, tc := range []struct {
		g    finding.Region
		want string
	}{
		{finding.Region{StartLine: 2, StartColumn: 36, EndLine: 2, EndColumn: 52}, "line=2,col=36,endLine=2,endColumn=51"},
		{finding.Region{StartLine: 2, StartColumn: 5, EndLine: 2, EndColumn: 5}, "line=2,col=5,endLine=2,endColumn=5"},
		{finding.Region{StartLine: 2, StartColumn: 5, EndLine: 4, EndColumn: 2}, "line=2,endLine=4"},
		{finding.Region{StartLine: 4, StartColumn: 1, EndLine: 5, EndColumn: 1}, "line=4,col=1,endLine=4"},
		{finding.Region{StartLine: 3, StartColumn: 7}, "line=3,col=7,endLine=3"},
	} {
		if got := strings.Join(githubPosition(&tc.g), ","); got != tc.want {
			t.Errorf("githubPosition(%+v) = %s, want %s", tc.g, got, tc.want)
		}
	}
}
