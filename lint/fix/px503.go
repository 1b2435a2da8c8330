package fix

import (
	"strings"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/rules"
)

// PX503 node-fqdn-list: an array of names becomes the one comma-separated
// string the deployment expects, and spaces around commas go. Safe when
// the names stay the same; removing empty or duplicate entries changes
// the list, so that fix is unsafe.
func init() {
	register(Fixer{Rule: rules.PX503, Safety: finding.SafetySafe, Mixed: true,
		Summary: `writes one comma-separated string: @("a","b") → "a,b" and "a , b" → "a,b" are safe; dropping empty or duplicate names is unsafe`,
		fixes: func(c *Context, f *finding.Finding) []finding.Fix {
			value, _, ok := c.assignedValue(f)
			v := c.variable(f.Variable)
			if !ok || v == nil || len(value) < 2 || value[0] != '"' || value[len(value)-1] != '"' {
				return nil
			}
			safety := finding.SafetyUnsafe
			if sameNames(namesOf(v), strings.Split(value[1:len(value)-1], ",")) {
				safety = finding.SafetySafe
			}
			return c.replaceValue(f, safety, "write one comma-separated string")
		}})
}

// namesOf lists the names a node list holds, as written, spaces trimmed.
func namesOf(v *model.Variable) []string {
	var out []string
	switch x := v.Value.(type) {
	case string:
		out = strings.Split(x, ",")
	case []any:
		for _, e := range x {
			s, _ := e.(string)
			out = append(out, strings.Split(s, ",")...)
		}
	}
	return out
}

func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.TrimSpace(a[i]) != strings.TrimSpace(b[i]) {
			return false
		}
	}
	return true
}
