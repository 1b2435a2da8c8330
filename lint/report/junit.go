package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// JUnit XML, valid against the Jenkins junit-10.xsd (what Jenkins, GitLab
// and Azure DevOps test tabs read) and, with Options.JUnitStrict, against
// the strict Apache Ant schema (junit-strict.xsd) too. Both are met
// always: no attributes on <testsuites>; package, id, hostname and an ISO
// 8601 timestamp without zone on every <testsuite>; <properties> first and
// <system-out> and <system-err> last in every suite. The Ant schema also
// allows nothing but one skipped/error/failure in a test case, so no
// <system-out> of its own: only JUnitStrict moves a passing test case's
// output to its suite.
type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Package    string          `xml:"package,attr"`
	ID         int             `xml:"id,attr"`
	Hostname   string          `xml:"hostname,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
	SystemOut  xmlText         `xml:"system-out"`
	SystemErr  xmlText         `xml:"system-err"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Skipped   *junitMessage `xml:"skipped"`
	Failure   *junitMessage `xml:"failure"`
	SystemOut *xmlText      `xml:"system-out"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",innerxml"`
}

// writeJUnit writes one test suite per file (name the path) and one test
// case per rule checked in it (name "PXnnn rule-name", classname the file's
// path as a dotted name, see junitClassname):
//   - a rule with findings at or above --fail-on has one <failure> listing
//     each of them with its line;
//   - a rule whose findings are all below --fail-on or suppressed passes, and
//     those findings go to its test case's <system-out>, one "file:line:col:
//     warning PXnnn: message" line each, so a test tab shows the warnings
//     under the rule (with Options.JUnitStrict, to the suite's <system-out>:
//     the strict schema allows no output inside a test case);
//   - not_verified is <skipped> with the reason, and so is a rule suppressed
//     for the whole file;
//   - disabled rules were not checked and have no test case.
//
// Timestamps come from Report.Now; durations are 0, since a rule has none of
// its own.
func writeJUnit(w io.Writer, r *finding.Report, rs []rules.Rule, opt Options) error {
	idx := indexRules(rs)
	host := opt.Hostname
	if host == "" {
		host = "localhost"
	}
	ts := r.Now.UTC().Format("2006-01-02T15:04:05")
	doc := junitSuites{Suites: make([]junitSuite, 0, len(r.Files))}
	for i := range r.Files {
		fr := &r.Files[i]
		suite := junitSuite{
			Name: fr.Path, Package: "pxlint", ID: i, Hostname: host, Timestamp: ts, Time: "0",
			Properties: []junitProperty{
				{Name: "tool", Value: toolName(r)},
				{Name: "version", Value: r.Version},
				{Name: "fail_on", Value: r.FailOn.String()},
			},
		}
		if fr.Profile != "" {
			suite.Properties = append(suite.Properties, junitProperty{Name: "profile", Value: fr.Profile})
		}
		// Findings that do not fail go to their rule's test case, or under
		// JUnitStrict to the suite's output, in file order.
		var out strings.Builder
		if opt.JUnitStrict {
			for j := range fr.Findings {
				if f := &fr.Findings[j]; !r.Failing(f) {
					out.WriteString(junitLine(f))
				}
			}
		}
		for _, id := range checkedRules(fr) {
			tc := junitCase{Name: idx.name(id), Classname: junitClassname(fr.Path), Time: "0"}
			st := statusOf(fr, id)
			var failing, passing []string
			for j := range fr.Findings {
				f := &fr.Findings[j]
				if f.RuleID != id {
					continue
				}
				if r.Failing(f) {
					failing = append(failing, junitLine(f))
				} else {
					passing = append(passing, junitLine(f))
				}
			}
			if len(passing) > 0 && !opt.JUnitStrict {
				tc.SystemOut = &xmlText{escapeXMLText(strings.Join(passing, ""))}
			}
			switch {
			case len(failing) > 0:
				msg := fmt.Sprintf("%d %s of %s", len(failing), plural(len(failing), "finding", "findings"), idx.title(id))
				tc.Failure = &junitMessage{Message: msg, Type: id, Text: escapeXMLText(strings.Join(failing, ""))}
				suite.Failures++
			case st.Status == finding.StatusNotVerified:
				tc.Skipped = &junitMessage{Message: "not verified: " + st.Reason}
				suite.Skipped++
			case st.Status == finding.StatusSuppressed:
				tc.Skipped = &junitMessage{Message: "suppressed: " + st.Reason}
				suite.Skipped++
			}
			suite.Cases = append(suite.Cases, tc)
		}
		suite.Tests = len(suite.Cases)
		suite.SystemOut = xmlText{escapeXMLText(out.String())}
		doc.Suites = append(doc.Suites, suite)
	}
	return writeXML(w, doc)
}

// junitClassname is a file's path as Jenkins reads a classname: it splits
// at the last dot into package and class, so "dir/variables.ps1" would show
// as class "ps1" of package "dir/variables". The extension goes, path
// separators become dots and dots inside a name become '_', which leaves
// "regions.westeurope.variables": package "regions.westeurope", class
// "variables". The suite name keeps the exact path.
func junitClassname(path string) string {
	p := strings.ReplaceAll(path, "\\", "/")
	if dot := strings.LastIndexByte(p, '.'); dot > strings.LastIndexByte(p, '/')+1 {
		p = p[:dot]
	}
	var parts []string
	for _, c := range strings.Split(p, "/") {
		switch c {
		case "", ".":
			continue
		case "..":
			c = "__"
		}
		parts = append(parts, strings.ReplaceAll(strings.TrimSuffix(c, ":"), ".", "_"))
	}
	if len(parts) == 0 {
		return "pxlint"
	}
	return strings.Join(parts, ".")
}

// junitLine describes one finding in a failure or in system-out.
// It is text for people (CI test tabs), laid out in lines, so input text
// goes through escape.Text: a value cannot add a line of its own.
func junitLine(f *finding.Finding) string {
	loc := escape.Text(f.File)
	if f.Region != nil {
		loc = fmt.Sprintf("%s:%d:%d", loc, f.Region.StartLine, f.Region.StartColumn)
	}
	s := fmt.Sprintf("%s: %s %s: %s\n", loc, f.Severity, escape.Text(f.RuleID), escape.Text(f.Message))
	if f.Fix != "" {
		s += "  fix: " + escape.Text(f.Fix) + "\n"
	}
	if f.Suppression != nil {
		s += fmt.Sprintf("  %s: %s\n", suppressedBy(f.Suppression), escape.Text(f.Suppression.Justification))
	}
	return s
}

// checkedRules lists the rules that ran on a file (every status but
// disabled) and any rule with findings but no status, sorted by ID.
func checkedRules(fr *finding.FileResult) []string {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, s := range fr.Statuses {
		if s.Status != finding.StatusDisabled {
			add(s.RuleID)
		}
	}
	for j := range fr.Findings {
		add(fr.Findings[j].RuleID)
	}
	sort.Strings(ids)
	return ids
}

func statusOf(fr *finding.FileResult, id string) finding.RuleStatus {
	for _, s := range fr.Statuses {
		if s.RuleID == id {
			return s
		}
	}
	return finding.RuleStatus{RuleID: id}
}

func toolName(r *finding.Report) string {
	if r.Tool == "" {
		return "pxlint"
	}
	return r.Tool
}

// xmlText is element content written as is (already escaped), so newlines
// stay newlines instead of encoding/xml's &#xA;, which keeps CI test tabs
// readable.
type xmlText struct {
	Inner string `xml:",innerxml"`
}

// escapeXMLText escapes text for element content: the markup characters,
// CR (which XML parsers would fold into LF), and characters XML 1.0 cannot
// carry at all (replaced by U+FFFD).
func escapeXMLText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
