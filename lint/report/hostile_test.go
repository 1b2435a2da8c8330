package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// hostileStrings are texts a pull request controls (script values, file
// names, .pxlint.hcl values, user-policy messages and IDs) written to start
// CI workflow commands or drive a terminal.
var hostileStrings = map[string]string{
	"newline then ::error":   "x\n::error title=INJ::injected\n##vso[task.setvariable variable=p6]1",
	"vso anywhere":           "p ##vso[task.setvariable variable=p6]1",
	"vso upper case":         "##VSO[task.prependpath]./evil",
	"azure format command":   "##[error]boom",
	"github file name":       "::warning title=pwned::x.ps1",
	"newline in a file name": "nl\n::error::y.ps1",
	"CRLF add-mask":          "a\r\n::add-mask::x",
	"blanks before ::":       "  ::stop-commands::tok",
	"ESC and BEL":            "esc\x1b[31m bel\a \x1b]0;title\a",
	"C1, NEL, separators":    "c1\u009b31m nel\u0085::error::n sep\u2028::error::s par\u2029##vso[x]",
	"bidi override":          "bidi\u202e1sp.exe",
	"DEL and NUL":            "del\x7f nul\x00",
	"invalid UTF-8":          "bad\xff\xfe##vso[x]",
	"fail_on from a config":  "##vso[task.prependpath]./evil",
}

// hostileReport puts s in every text field a formatter prints.
func hostileReport(s string) (*finding.Report, []rules.Rule) {
	file := "regions/" + s + "/variables.ps1"
	userID := "USR" + s
	r := &finding.Report{
		Tool: "pxlint", Version: "v0.3.0", FailOn: finding.FailOnError,
		Notices: []string{s + ": skipped: assigns no $Px variable", s},
		Files: []finding.FileResult{{
			Path: file, Profile: s,
			Lines: []string{`$PxBaseConnName = "` + s + `"`, s},
			Statuses: []finding.RuleStatus{
				{RuleID: "PX201", Status: finding.StatusFail},
				{RuleID: "PX303", Status: finding.StatusNotVerified, Reason: "cannot read " + s},
				{RuleID: "PX501", Status: finding.StatusSuppressed, Reason: "waived: " + s},
				{RuleID: "PX402", Status: finding.StatusPass, Source: s},
				{RuleID: userID, Status: finding.StatusFail},
			},
			Findings: []finding.Finding{
				{RuleID: "PX201", Severity: finding.SeverityError, File: file,
					Region:   &finding.Region{StartLine: 1, StartColumn: 19, EndLine: 1, EndColumn: 20 + len(s)},
					Variable: "$PxBaseConnName", Element: s,
					Message: "$PxBaseConnName \"" + s + "\" is assigned here and again; the value deployed is \"" + s + "\"",
					Fix:     `$PxBaseConnName = "` + s + `"`, DocsURL: s,
					Related: []finding.Location{{File: s, Region: &finding.Region{StartLine: 2, StartColumn: 1}, Message: s}}},
				{RuleID: "PX201", Severity: finding.SeverityWarning, File: file,
					Region:      &finding.Region{StartLine: 2, StartColumn: 1, EndLine: 2, EndColumn: 3},
					Message:     s,
					Suppression: &finding.Suppression{Kind: "inSource", Justification: s, Source: s}},
				{RuleID: userID, Severity: finding.SeverityWarning, File: file, Message: s, Fix: s},
				{RuleID: "PX303", Severity: finding.SeverityInfo, File: s, Message: s},
			},
		}},
	}
	rs := []rules.Rule{
		{ID: "PX201", Name: "base-name", Title: "Base name", Severity: finding.SeverityError, Engine: rules.EngineRego},
		{ID: userID, Name: s, Title: s, Severity: finding.SeverityWarning, Engine: rules.EngineRego},
	}
	return r, rs
}

var (
	// pxlint's own GitHub annotation: command, known properties whose values
	// hold no raw ':' or ',', then "::" and the data.
	githubOwn = regexp.MustCompile(`^::(error|warning|notice) (file|line|col|endLine|endColumn|title)=[^:,]*(,(file|line|col|endLine|endColumn|title)=[^:,]*)*::`)
	// pxlint's own Azure DevOps commands, their properties free of ';' and ']'.
	azureOwn = regexp.MustCompile(`^##vso\[task\.(logissue (type|sourcepath|linenumber|columnnumber|code)=[^;\]]*(;(type|sourcepath|linenumber|columnnumber|code)=[^;\]]*)*|complete result=Failed;)\]`)
)

// checkInert fails when out holds a raw control character, or a line that
// could start a CI command other than pxlint's own annotations.
func checkInert(t *testing.T, format string, out []byte) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		for j, r := range line {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(line[j:]); size == 1 {
					t.Errorf("%s line %d: invalid UTF-8 at byte %d: %q", format, i+1, j, line)
				}
			}
			if r != '\t' && escape.IsControl(r) {
				t.Errorf("%s line %d: raw control character %U: %q", format, i+1, r, line)
			}
		}
		rest := line
		switch format {
		case "github":
			m := githubOwn.FindString(line)
			if m == "" {
				t.Errorf("github line %d is not a pxlint annotation: %q", i+1, line)
				continue
			}
			rest = line[len(m):] // the data: "::" in it starts nothing
		case "azure":
			m := azureOwn.FindString(line)
			if m == "" {
				t.Errorf("azure line %d is not a pxlint command: %q", i+1, line)
				continue
			}
			rest = line[len(m):]
		default:
			if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
				t.Errorf("%s line %d starts a GitHub workflow command: %q", format, i+1, line)
			}
			if strings.HasPrefix(strings.TrimLeft(line, " \t"), "##[") {
				t.Errorf("%s line %d starts an Azure DevOps format command: %q", format, i+1, line)
			}
		}
		if strings.Contains(strings.ToLower(rest), "##vso[") {
			t.Errorf("%s line %d holds an Azure DevOps command: %q", format, i+1, line)
		}
	}
}

// Every format × every hostile string: nothing the input controls can start
// a CI command or reach the log raw.
func TestHostileTextIsInert(t *testing.T) {
	for name, s := range hostileStrings {
		for _, format := range Names() {
			for _, opt := range []Options{{}, {Color: true}, {ASCII: true}} {
				color := opt.Color
				if color && format != "pretty" {
					continue
				}
				r, rs := hostileReport(s)
				f, _ := Get(format)
				if opt.ASCII {
					f = asciiFormatter(format, f) // --ascii, as WriteAll wraps it
				}
				var buf bytes.Buffer
				if err := f.Format(&buf, r, rs, opt); err != nil {
					t.Fatalf("%s/%s: %v", name, format, err)
				}
				out := buf.Bytes()
				if color {
					// pxlint's own colours are the only escapes allowed.
					out = regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAll(out, nil)
				}
				t.Run(fmt.Sprintf("%s/%s/color=%v,ascii=%v", name, format, opt.Color, opt.ASCII), func(t *testing.T) { checkInert(t, format, out) })
			}
		}
	}
}

// The structured formats stay exact: the hostile values decode back to
// themselves (JSON) while the printed bytes are inert.
func TestStructuredFormatsKeepValues(t *testing.T) {
	s := hostileStrings["newline then ::error"]
	r, rs := hostileReport(s)
	var buf bytes.Buffer
	if err := writeJSON(&buf, r, rs, Options{}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bytes.ToLower(buf.Bytes()), []byte("##vso[")) {
		t.Fatalf("json holds ##vso[:\n%s", buf.String())
	}
	var doc struct {
		Files []struct {
			Findings []struct{ Message string }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Files[0].Findings[0].Message; !strings.Contains(got, s) {
		t.Errorf("json message %q lost the value %q", got, s)
	}
}

func TestInert(t *testing.T) {
	for _, tc := range []struct{ in, json, xml string }{
		{"plain\n  text", "plain\n  text", "plain\n  text"},
		{`"a ##vso[x]"`, `"a #\u0023vso[x]"`, `"a #&#x23;vso[x]"`},
		{"x\n  ::error::y", "x\n  \\u003a:error::y", "x\n  &#x3A;:error::y"},
		{"a::b", "a::b", "a::b"},
		{"\x7f\u0085\u202e", `\u007f\u0085\u202e`, "&#x7F;&#x85;&#x202E;"},
		{"##[group]", `#\u0023[group]`, "#&#x23;[group]"},
		{"a ##[group]", "a ##[group]", "a ##[group]"},
		{"東京", "東京", "東京"},
	} {
		if got := string(inert([]byte(tc.in), jsonCharRef)); got != tc.json {
			t.Errorf("inert json %q = %q, want %q", tc.in, got, tc.json)
		}
		if got := string(inert([]byte(tc.in), xmlCharRef)); got != tc.xml {
			t.Errorf("inert xml %q = %q, want %q", tc.in, got, tc.xml)
		}
	}
}

// FuzzHostileText: whatever the input text, every format stays inert.
func FuzzHostileText(f *testing.F) {
	for _, s := range hostileStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, format := range Names() {
			r, rs := hostileReport(s)
			fm, _ := Get(format)
			var buf bytes.Buffer
			if err := fm.Format(&buf, r, rs, Options{}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			checkInert(t, format, buf.Bytes())
		}
	})
}

// FuzzInertJSON: the inert JSON decodes to exactly the value encoded.
func FuzzInertJSON(f *testing.F) {
	for _, s := range hostileStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		if err := encodeJSON(&buf, map[string]string{s: s}); err != nil {
			t.Fatal(err)
		}
		checkInert(t, "json", buf.Bytes())
		var back map[string]string
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatalf("inert JSON does not decode: %v\n%s", err, buf.String())
		}
		want := string([]rune(s)) // each invalid byte becomes U+FFFD, as encoding/json does
		if back[want] != want || len(back) != 1 {
			t.Fatalf("decoded %q, want %q", back, want)
		}
	})
}
