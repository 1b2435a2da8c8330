package lint

import (
	"fmt"
	"strings"

	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/ps"
	"github.com/pxlint/pxlint/lint/rules"
)

// unparsedReason starts the reason of a variable that a parse error makes
// uncertain; notEvaluated leaves such variables to the PX001 finding
// instead of reporting each as PX007.
const unparsedReason = "the script does not parse from line "

// markUnparsed makes every variable assigned at or after the first PX001
// unknown: PowerShell runs none of the script when it does not parse, and
// pxlint's reading past the error is a guess (a missing quote makes the
// lines below it part of a string). Rules that need such a variable are
// then not_verified with the reason, instead of reporting the symptoms of
// one typo as a dozen findings. Secrets stay as they are: a literal
// password in the file is a finding whatever the syntax around it.
func markUnparsed(in *model.Input, f *ps.File) {
	line := 0
	for _, d := range f.Diagnostics {
		if d.Rule == rules.PX001 && (line == 0 || d.Span.Start.Line < line) {
			line = d.Span.Start.Line
		}
	}
	if line == 0 {
		return
	}
	reason := fmt.Sprintf("%s%d on (PX001)", unparsedReason, line)
	for _, v := range in.Variables {
		if v.Kind == model.KindSecret || v.File != "" {
			continue
		}
		for _, a := range v.Assignments {
			if a.File == "" && a.Line >= line {
				v.Kind, v.Value, v.Reason = model.KindUnknown, nil, reason
				v.Quote, v.Text, v.Elements = "", "", nil
				break
			}
		}
	}
}

// unparsed reports a variable made unknown by markUnparsed.
func unparsed(v *model.Variable) bool { return strings.HasPrefix(v.Reason, unparsedReason) }
