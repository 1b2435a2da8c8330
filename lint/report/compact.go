package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// writeCompact writes one line per active finding, in the form editors and
// grep-style tools understand:
//
//	file:line:col: severity PXnnn: message
//	file: severity PXnnn: message          (a finding about the whole file)
//
// File names and messages go through escape.Text, so each finding is one
// line (a newline in a message shows as \n) that no CI runner takes for a
// command. Suppressed findings are left out: they do not count and the
// format has no way to mark them.
func writeCompact(w io.Writer, r *finding.Report, _ []rules.Rule, _ Options) error {
	bw := bufio.NewWriter(w)
	for i := range r.Files {
		for j := range r.Files[i].Findings {
			f := &r.Files[i].Findings[j]
			if f.Suppressed() {
				continue
			}
			if f.Region != nil {
				fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", escape.Text(f.File), f.Region.StartLine, f.Region.StartColumn, f.Severity, escape.Text(f.RuleID), escape.Text(f.Message))
			} else {
				fmt.Fprintf(bw, "%s: %s %s: %s\n", escape.Text(f.File), f.Severity, escape.Text(f.RuleID), escape.Text(f.Message))
			}
		}
	}
	return bw.Flush()
}
