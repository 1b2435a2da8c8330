package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// writeGitHub writes GitHub Actions workflow commands, one annotation per
// active finding:
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=PXnnn Title::message%0Afix: ...
//
// error → error, warning → warning, info → notice. A file-level finding
// carries only file=. Suppressed findings and not_verified rules are left
// out: annotations are for things to fix. Input text passes through
// escape.Text, then the runner's own encoding (githubProperty, githubData):
// the line stays one command, pxlint's, and shows no control character.
func writeGitHub(w io.Writer, r *finding.Report, rs []rules.Rule, _ Options) error {
	idx := indexRules(rs)
	bw := bufio.NewWriter(w)
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			f := &r.Files[i].Findings[j]
			if f.Suppressed() {
				continue
			}
			props := []string{"file=" + githubProperty(escape.Text(f.File))}
			if g := f.Region; g != nil {
				props = append(props, githubPosition(g)...)
			}
			props = append(props, "title="+githubProperty(escape.Text(idx.title(f.RuleID))))
			fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), githubData(annotationText(f)))
		}
	}
	return bw.Flush()
}

// githubPosition is the line=,col=,endLine=,endColumn= properties of a
// region. The runner rejects columns on ranges over several lines, so they
// are left out there (a span ending at column 1 of the next line is a span
// to the end of its own line); its endColumn is inclusive (it defaults to
// col), where pxlint's end column is exclusive.
func githubPosition(g *finding.Region) []string {
	start, end := g.StartLine, g.EndLine
	if end == start+1 && g.EndColumn == 1 {
		end = start
	}
	props := []string{fmt.Sprintf("line=%d", start)}
	if end > start {
		return append(props, fmt.Sprintf("endLine=%d", end))
	}
	props = append(props, fmt.Sprintf("col=%d", g.StartColumn), fmt.Sprintf("endLine=%d", start))
	if end == start && g.EndLine == start && g.EndColumn > 0 {
		props = append(props, fmt.Sprintf("endColumn=%d", max(g.EndColumn-1, g.StartColumn)))
	}
	return props
}

func githubCommand(s finding.Severity) string {
	switch s {
	case finding.SeverityError:
		return "error"
	case finding.SeverityWarning:
		return "warning"
	default:
		return "notice"
	}
}

// githubData escapes a command's message as @actions/core escapeData does.
var githubDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

func githubData(s string) string { return githubDataEscaper.Replace(s) }

// githubProperty escapes a property value as @actions/core escapeProperty
// does: the data escapes plus ':' and ',', which delimit properties.
var githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func githubProperty(s string) string { return githubPropertyEscaper.Replace(s) }
