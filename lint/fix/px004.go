package fix

import (
	"regexp"
	"strings"
	"sync"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX004 undefined-variable: when the rule names the one catalog variable a
// misspelled use meant ("rename it to $PxTeamsConnFqdn"), every use of the
// misspelling is renamed. The value used changes from $null, so unsafe.
func init() {
	register(Fixer{Rule: rules.PX004, Safety: finding.SafetyUnsafe,
		Summary: "renames a misspelled, never assigned variable to the catalog name the rule suggests, in every use",
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			m := px004Rename().FindStringSubmatch(f.Fix)
			if m == nil || f.Region == nil {
				return nil
			}
			for _, ref := range c.Input.References {
				if ref.Defined || ref.DefinedElsewhere || ref.Span.StartLine != f.Region.StartLine {
					continue
				}
				old := strings.TrimPrefix(c.text(regionOf(ref.Span)), "$")
				if !strings.EqualFold(old, ref.Name) || c.variable(old) != nil {
					continue
				}
				edits := c.renameVariable(old, m[1])
				if len(edits) == 0 {
					return nil
				}
				return []finding.Fix{{Message: "rename $" + old + " to $" + m[1], Safety: finding.SafetyUnsafe, Edits: edits}}
			}
			return nil
		}})
}

var px004Rename = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^rename it to \$(\w+)$`) })
