package fix

import (
	"regexp"
	"strings"
	"sync"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX005 unknown-variable: when the rule suggests the catalog name a
// misspelling meant ("rename $PxNodeFqdn to $PxNodeFqdns"), the variable is
// renamed everywhere in the file. The deployment then reads a value it
// ignored before, so unsafe.
func init() {
	register(Fixer{Rule: rules.PX005, Safety: finding.SafetyUnsafe,
		Summary: "renames the unknown variable to the catalog name the rule suggests, in every assignment and use",
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			m := px005Rename().FindStringSubmatch(f.Fix)
			if m == nil || !strings.EqualFold(m[1], strings.TrimPrefix(f.Variable, "$")) {
				return nil
			}
			v := c.variable(m[1])
			if v == nil || c.variable(m[2]) != nil {
				return nil // the catalog name is assigned too: renaming would make a duplicate
			}
			for _, a := range v.Assignments {
				if a.File != "" && a.File != c.Input.File {
					return nil // also assigned in a dot-sourced file
				}
			}
			edits := c.renameVariable(m[1], m[2]) // case-insensitively, as PowerShell names are
			if len(edits) == 0 {
				return nil
			}
			return []finding.Fix{{Message: "rename $" + m[1] + " to $" + m[2], Safety: finding.SafetyUnsafe, Edits: edits}}
		}})
}

var px005Rename = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^rename \$(\w+) to \$(\w+)$`) })
