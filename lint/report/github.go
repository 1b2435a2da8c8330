package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// writeGitHub writes GitHub Actions workflow commands, one annotation per
// active finding:
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=PXnnn Title::message%0Afix: ...
//
// error → error, warning → warning, info → notice. GitHub only accepts col
// and endColumn on single-line ranges, so they are left out when the range
// spans lines, and a file-level finding carries only file=. Columns are code
// points, endColumn exclusive, as everywhere in pxlint. Suppressed findings
// and not_verified rules are left out: annotations are for things to fix.
func writeGitHub(w io.Writer, r *finding.Report, rs []rules.Rule, _ Options) error {
	idx := indexRules(rs)
	bw := bufio.NewWriter(w)
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			f := &r.Files[i].Findings[j]
			if f.Suppressed() {
				continue
			}
			props := []string{"file=" + githubProperty(f.File)}
			if g := f.Region; g != nil {
				props = append(props, fmt.Sprintf("line=%d", g.StartLine))
				if g.EndLine == g.StartLine || g.EndLine == 0 {
					props = append(props, fmt.Sprintf("col=%d", g.StartColumn))
				}
				if g.EndLine != 0 {
					props = append(props, fmt.Sprintf("endLine=%d", g.EndLine))
				}
				if g.EndLine == g.StartLine && g.EndColumn != 0 {
					props = append(props, fmt.Sprintf("endColumn=%d", g.EndColumn))
				}
			}
			props = append(props, "title="+githubProperty(idx.title(f.RuleID)))
			fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), githubData(withFix(f)))
		}
	}
	return bw.Flush()
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
