package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// Checkstyle XML has no published schema; this follows what Checkstyle 4.3+
// writes and what its consumers (Jenkins warnings-ng, reviewdog, GitLab
// code-quality converters) read.
type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     string `xml:"line,attr,omitempty"`
	Column   string `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// writeCheckstyle writes every file (even a clean one, as Checkstyle does)
// with one <error> per active finding. A finding about the whole file has no
// line and column attributes, which consumers read as line 0. Severities are
// error, warning and info; suppressed findings are left out.
func writeCheckstyle(w io.Writer, r *finding.Report, _ []rules.Rule, _ Options) error {
	doc := checkstyleReport{Version: "4.3", Files: make([]checkstyleFile, 0, len(r.Files))}
	for i := range r.Files {
		fr := &r.Files[i]
		cf := checkstyleFile{Name: fr.Path}
		for j := range fr.Findings {
			f := &fr.Findings[j]
			if f.Suppressed() {
				continue
			}
			e := checkstyleError{Severity: f.Severity.String(), Message: withFix(f), Source: "pxlint." + f.RuleID}
			if f.Region != nil {
				e.Line = strconv.Itoa(f.Region.StartLine)
				e.Column = strconv.Itoa(f.Region.StartColumn)
			}
			cf.Errors = append(cf.Errors, e)
		}
		doc.Files = append(doc.Files, cf)
	}
	return writeXML(w, doc)
}

// writeXML writes an XML declaration and doc, indented, ending in a newline,
// made inert for CI logs (see inert).
func writeXML(w io.Writer, doc any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	buf.WriteString("\n")
	_, err := w.Write(inert(buf.Bytes(), xmlCharRef))
	return err
}
