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

// writeAzure writes Azure DevOps logging commands, one issue per active
// finding:
//
//	##vso[task.logissue type=error;sourcepath=F;linenumber=L;columnnumber=C;code=PXnnn]message
//
// Azure DevOps knows only error and warning, so warnings and infos are both
// type=warning. When the gate fails (exit code 1) a final
// ##vso[task.complete result=Failed;] marks the step failed. Suppressed
// findings and not_verified rules are left out. Input text passes through
// escape.Text (which also breaks any "##vso[" in it), then task-lib's
// encoding (azureProperty, azureData).
func writeAzure(w io.Writer, r *finding.Report, _ []rules.Rule, _ Options) error {
	bw := bufio.NewWriter(w)
	failing := 0
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			f := &r.Files[i].Findings[j]
			if f.Suppressed() {
				continue
			}
			if r.Failing(f) {
				failing++
			}
			typ := "warning"
			if f.Severity == finding.SeverityError {
				typ = "error"
			}
			props := []string{"type=" + typ, "sourcepath=" + azureProperty(escape.Text(f.File))}
			if f.Region != nil {
				props = append(props, fmt.Sprintf("linenumber=%d", f.Region.StartLine), fmt.Sprintf("columnnumber=%d", f.Region.StartColumn))
			}
			props = append(props, "code="+azureProperty(escape.Text(f.RuleID)))
			fmt.Fprintf(bw, "##vso[task.logissue %s]%s\n", strings.Join(props, ";"), azureData(annotationText(f)))
		}
	}
	if r.ExitCode() != 0 {
		fmt.Fprintf(bw, "##vso[task.complete result=Failed;]pxlint: %d %s at or above %s\n", failing, plural(failing, "finding", "findings"), r.FailOn)
	}
	return bw.Flush()
}

// azureData escapes a command's message as azure-pipelines-task-lib's
// escapedata does (one pass, so an escape is never escaped again).
var azureDataEscaper = strings.NewReplacer("%", "%AZP25", "\r", "%0D", "\n", "%0A")

func azureData(s string) string { return azureDataEscaper.Replace(s) }

// azureProperty escapes a property value as task-lib's escape does: the
// data escapes plus ';' (separates properties) and ']' (ends them).
var azurePropertyEscaper = strings.NewReplacer("%", "%AZP25", "\r", "%0D", "\n", "%0A", ";", "%3B", "]", "%5D")

func azureProperty(s string) string { return azurePropertyEscaper.Replace(s) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
