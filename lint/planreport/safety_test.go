package planreport_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint"
	"github.com/pxlint/pxlint/lint/plan"
	"github.com/pxlint/pxlint/lint/planreport"
)

const secretValue = "Sup3r-S3cret!Pa55word"

// hostile is a script whose values try to leak a secret and to drive a
// terminal or a CI runner: an ESC sequence and a workflow command in the
// FQDN, HTML in the region tag, a secret copied into an identity variable.
const hostile = `$PxBaseConnName = "fabrikam"
$PxVmssRegion = "<script>alert(1)</script>"
$PxTeamsConnFqdn = "teams.example.net` + "`e]0;pwned`a`n::error::owned" + `"
$PxNodeFqdns = "conf01.example.net"
$PxSubscriptionId = "0c7e3c1d-2a3b-4c5d-8e9f-a0b1c2d3e4f5"
$PxAzureLocation = "westeurope"
$PxWinAdminUser = "pexadmin"
$PxWinAdminPassword = "` + secretValue + `"
$PxTeamsConnInstanceCount = $PxWinAdminPassword
$PxPfxCertFileName = "##vso[task.setvariable variable=x]1.pfx"
$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"
$PxMgmtSrcAddrPrefixes = @("0.0.0.0/0")
$PxNodesSourceAddressPrefixes = @()
`

// TestPlanAndDiffKeepSecretsAndEscape: no format of plan or diff shows the
// secret; pretty and markdown carry no control character or line a CI
// runner would act on; HTML escapes markup.
func TestPlanAndDiffKeepSecretsAndEscape(t *testing.T) {
	dir := t.TempDir()
	oldPath := filepath.Join(dir, "old.ps1")
	newPath := filepath.Join(dir, "new.ps1")
	if err := os.WriteFile(oldPath, []byte(strings.Replace(hostile, `"fabrikam"`, `"contoso"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(newPath, []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	var sides [2]*plan.Plan
	for i, p := range []string{oldPath, newPath} {
		res, _, err := lint.Plans(context.Background(), lint.Options{Paths: []string{p}, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 1 {
			t.Fatalf("%d plans", len(res))
		}
		sides[i] = res[0].Plan
	}
	if !sides[1].NetworkRules[0].OpenToInternet || !sides[1].NetworkRules[1].OpenToInternet {
		t.Errorf("both rules are open to the Internet (443 empty, RDP 0.0.0.0/0): %+v", sides[1].NetworkRules)
	}
	if got := sides[1].Deployment.Instances.Status; got != plan.StatusSecret {
		t.Errorf("instance count copied from a secret: status %q, want secret", got)
	}
	d := planreport.Diff{Old: sides[0], New: sides[1], Changes: plan.Compare(sides[0], sides[1])}
	outputs := map[string][]byte{}
	for _, f := range planreport.PlanFormats {
		var buf bytes.Buffer
		if err := planreport.WritePlans(&buf, f, []*plan.Plan{sides[1]}, planreport.Options{Color: true}); err != nil {
			t.Fatal(err)
		}
		outputs["plan "+f] = buf.Bytes()
	}
	for _, f := range planreport.DiffFormats {
		var buf bytes.Buffer
		if err := planreport.WriteDiff(&buf, f, d, planreport.Options{}); err != nil {
			t.Fatal(err)
		}
		outputs["diff "+f] = buf.Bytes()
	}
	for name, out := range outputs {
		s := string(out)
		if strings.Contains(s, secretValue) || strings.Contains(s, "Sup3r") {
			t.Errorf("%s shows the secret", name)
		}
		if strings.Contains(name, "json") {
			continue // JSON escapes control characters itself and is not a log
		}
		if strings.Contains(name, "html") {
			if strings.Contains(s, "<script>alert") {
				t.Errorf("%s: markup from the script is not escaped", name)
			}
			continue
		}
		// Colour codes are pxlint's own; strip them, then no ESC may remain.
		plain := ansi.ReplaceAllString(s, "")
		if strings.ContainsRune(plain, 0x1b) || strings.ContainsRune(plain, 0x07) {
			t.Errorf("%s: a control character from the script reached the output", name)
		}
		for _, line := range strings.Split(plain, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "::") || strings.Contains(line, "##vso[") {
				t.Errorf("%s: a CI workflow command reached the output: %q", name, line)
			}
		}
	}
}

// ansi matches the SGR colour sequences the pretty format writes itself.
var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)
