package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/ps"
)

// FuzzFixers runs every fixer on findings made up for every variable,
// element and assignment of arbitrary input (the fix texts the rules
// would write), applies all the fixes at once and checks Apply's promises
// with Verify: bytes outside the edits unchanged, the same encoding, the
// edited text. It needs no rule engine, so it runs thousands of inputs a
// second; lint's FuzzFix runs the real rules end to end.
func FuzzFixers(f *testing.F) {
	for _, pattern := range []string{"../../examples/bad/*.ps1", "../../examples/encoding/*.ps1"} {
		m, _ := filepath.Glob(pattern)
		for _, name := range m {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Add([]byte("$PxNodesSourceAddressPrefixes = @(\r\n    \"\",\r\n    1.2.3.4, ' 5.6.7.8 ', \"9.9.9.9/8\"\r\n)\r\n"))
	f.Add([]byte("\xFF\xFE$\x00P\x00x\x00A\x00 \x00=\x00 \x00'\x00$\x00(\x00)\x00'\x00"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 8<<10 {
			return
		}
		c := contextOfRaw(raw)
		fs := madeUpFindings(c)
		Attach(c, fs)
		var fixes []finding.Fix
		for _, f := range fs {
			fixes = append(fixes, f.Fixes...)
		}
		res := Apply(raw, c.Src, fixes)
		if err := Verify(raw, c.Src, fixes, res); err != nil {
			t.Fatalf("%v\n%q\n→ %q", err, raw, res.Bytes)
		}
	})
}

func contextOfRaw(raw []byte) *Context {
	src, file := ps.ParseBytes(raw, ps.DefaultLimits())
	res := model.Evaluate(src, file, model.Options{Path: "variables.ps1", KnownNames: catalog,
		ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist }})
	return &Context{Src: src, Tokens: file.Tokens, Input: res.Input, Secrets: res.SecretSpans}
}

// madeUpFindings are findings of every fixable rule at every place a rule
// could point, with the fix texts the rules write.
func madeUpFindings(c *Context) []finding.Finding {
	var out []finding.Finding
	add := func(rule, variable, fix string, r finding.Region, el string) {
		reg := r
		out = append(out, finding.Finding{RuleID: rule, Variable: variable, Fix: fix, Region: &reg, Element: el, Message: "display name"})
	}
	for name, v := range c.Input.Variables {
		whole := regionOf(v.Span)
		val, _ := v.Value.(string)
		for _, rule := range []string{"PX003", "PX201", "PX204", "PX205", "PX209", "PX502", "PX503", "PX008"} {
			for _, value := range []string{`"` + strings.ToLower(val) + `"`, `"` + strings.TrimSpace(val) + `"`, `"` + strings.TrimRight(val, ".") + `"`, "$false",
				`"$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"`} {
				add(rule, name, "$"+name+" = "+value, whole, "")
			}
		}
		add("PX005", name, "rename $"+name+" to $PxVmssRegion", whole, "")
		for _, a := range v.Assignments {
			add("PX006", "", "", regionOf(a.Span), "")
		}
		for _, el := range v.Elements {
			for _, rule := range []string{"PX002", "PX003", "PX101", "PX102", "PX103", "PX106"} {
				add(rule, name, "remove this element", regionOf(el.Span), el.Text)
			}
		}
	}
	for _, ref := range c.Input.References {
		add("PX004", "", "rename it to $PxTeamsConnFqdn", regionOf(ref.Span), "")
	}
	out = append(out, finding.Finding{RuleID: "PX009"})
	return out
}
