package fix

import (
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/ps"
)

// catalog is enough of the profiles' catalog for the fixers' tests.
var catalog = []string{"PxBaseConnName", "PxVmssRegion", "PxTeamsConnFqdn", "PxNodeFqdns", "PxAzureLocation",
	"PxTeamsConnInstanceCount", "PxTeamsConnDiskEncryption", "PxTeamsConnResourceGroupName",
	"PxTeamsConnStaticResourceGroupName", "PxNodesSourceAddressPrefixes", "PxMgmtSrcAddrPrefixes", "PxWinAdminPassword"}

// contextOf reads raw as the engine does.
func contextOf(t *testing.T, raw []byte) *Context {
	t.Helper()
	src, file := ps.ParseBytes(raw, ps.DefaultLimits())
	res := model.Evaluate(src, file, model.Options{Path: "variables.ps1", KnownNames: catalog, Dir: t.TempDir()})
	return &Context{Src: src, Tokens: file.Tokens, Input: res.Input, Secrets: res.SecretSpans}
}

// spec is a finding as a rule reports it: at an element (by its source
// text), at a line, or at the variable's last assignment.
type spec struct {
	rule, variable, element, fix, message string
	line                                  int
	severity                              finding.Severity
}

func (s spec) finding(t *testing.T, c *Context) finding.Finding {
	t.Helper()
	f := finding.Finding{RuleID: s.rule, Variable: s.variable, Fix: s.fix, Message: s.message, Severity: s.severity}
	v := c.variable(s.variable)
	switch {
	case s.element != "":
		if v == nil {
			t.Fatalf("no variable %s", s.variable)
		}
		for _, el := range v.Elements {
			if el.Text == s.element {
				r := regionOf(el.Span)
				f.Region, f.Element = &r, el.Text
			}
		}
		if f.Region == nil {
			t.Fatalf("no element %s in $%s", s.element, s.variable)
		}
	case s.line > 0:
		line := c.Src.Line(s.line)
		f.Region = &finding.Region{StartLine: s.line, StartColumn: 1, EndLine: s.line, EndColumn: len([]rune(line)) + 1}
	case v != nil:
		r := regionOf(v.Span)
		f.Region = &r
	}
	return f
}

// fixed applies the finding's first fix; ok is false when it has none.
func fixed(t *testing.T, text string, s spec) (string, []finding.Fix) {
	t.Helper()
	c := contextOf(t, []byte(text))
	fs := []finding.Finding{s.finding(t, c)}
	Attach(c, fs)
	if len(fs[0].Fixes) == 0 {
		return "", nil
	}
	res := Apply([]byte(text), c.Src, fs[0].Fixes[:1])
	if len(res.Applied) != 1 {
		t.Fatalf("%s: the fix does not apply: %+v", s.rule, res)
	}
	return string(res.Bytes), fs[0].Fixes
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
