package plan_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/model"
	"github.com/pxlint/pxlint/lint/plan"
	"github.com/pxlint/pxlint/lint/planreport"
	"github.com/pxlint/pxlint/lint/ps"
)

// FuzzPlan: any script, planned and compared with itself edited, renders
// in every format without panicking, and pretty output never carries a raw
// control character from the script. (Rego-derived names are left out:
// the policies have their own tests; this is about the plan and formats.)
func FuzzPlan(f *testing.F) {
	f.Add([]byte("$PxTeamsConnFqdn = \"teams.example.net`e]0;x`a`n::error::owned\"\n$PxWinAdminPassword = \"Sup3r-S3cret!\"\n$PxTeamsConnInstanceCount = $PxWinAdminPassword\n"))
	f.Add([]byte("$PxBaseConnName = \"fabrikam\"\n$PxVmssRegion = \"weu\"\n$PxNodesSourceAddressPrefixes = @(1.2.3.4, \"5.6.7.0/24\") + $PxMgmtSrcAddrPrefixes\n"))
	f.Add([]byte("$PxTeamsConnInstanceCount = @{a=1}\n$PxMgmtSrcAddrPrefixes = \"0.0.0.0/0\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 64<<10 {
			return
		}
		build := func(b []byte) *plan.Plan {
			src := ps.Decode(b)
			file := ps.Parse(src, ps.DefaultLimits())
			in := model.Evaluate(src, file, model.Options{Path: "x.ps1", ReadFile: func(string) ([]byte, error) { return nil, errors.New("none") }}).Input
			return plan.Build(in, nil, nil)
		}
		p := build(b)
		q := build(bytes.ReplaceAll(b, []byte("a"), []byte("b")))
		for _, format := range planreport.PlanFormats {
			var buf bytes.Buffer
			if err := planreport.WritePlans(&buf, format, []*plan.Plan{p}, planreport.Options{}); err != nil {
				t.Fatal(err)
			}
			if format == "pretty" && strings.ContainsAny(buf.String(), "\x1b\x07\r") {
				t.Fatalf("raw control character in pretty output")
			}
		}
		d := planreport.Diff{Old: p, New: q, Changes: plan.Compare(p, q)}
		for _, format := range planreport.DiffFormats {
			if err := planreport.WriteDiff(&bytes.Buffer{}, format, d, planreport.Options{}); err != nil {
				t.Fatal(err)
			}
		}
	})
}
