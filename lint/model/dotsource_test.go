package model

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pxlint/pxlint/lint/ps"
)

func TestDotSourceRead(t *testing.T) {
	r := evaluate(t, lines(
		`. .\common.ps1`,
		`$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"`,
		`. "$PSScriptRoot\sub\more.ps1"`,
		`$PxAll = @("62.210.116.0/28") + $PxMgmtSrcAddrPrefixes`,
	), files(map[string]string{
		"vars/common.ps1":   lines(`# shared`, `$PxBaseConnName = "fab"`, `$PxVmssRegion = "weu"`),
		"vars/sub/more.ps1": lines(`$PxMgmtSrcAddrPrefixes = @("85.10.200.0/28")`),
	}))
	if got := variable(t, r, "PxTeamsConnResourceGroupName").Value; got != "fab-TeamsConn-weu-RG" {
		t.Errorf("resource group = %#v", got)
	}
	base := variable(t, r, "PxBaseConnName")
	if base.File != "vars/common.ps1" || base.Line != 2 || base.Assignments[0].File != "vars/common.ps1" {
		t.Errorf("variable from a dot-sourced file = %+v", base)
	}
	for _, ref := range r.Input.References {
		if !ref.Defined {
			t.Errorf("reference %+v is not defined", ref)
		}
	}
	ds := r.Input.DotSources
	if len(ds) != 2 || !ds[0].Read || ds[0].Path != `.\common.ps1` || !ds[1].Read || ds[1].Line != 3 {
		t.Errorf("dot sources = %+v", ds)
	}
	el := variable(t, r, "PxAll").Elements[1]
	if el.File != "vars/sub/more.ps1" || el.Line != 1 || el.From != "PxMgmtSrcAddrPrefixes" {
		t.Errorf("element from a dot-sourced file = %+v", el)
	}
	if r.Stats.FilesRead != 2 {
		t.Errorf("files read = %d", r.Stats.FilesRead)
	}
	// Commands and references of the dot-sourced files are not the inspected file's.
	if len(r.Input.Commands) != 0 {
		t.Errorf("commands = %+v", r.Input.Commands)
	}
}

func TestDotSourceUnreadable(t *testing.T) {
	for _, tc := range []struct {
		name, line, reason string
	}{
		{"missing", `. .\missing.ps1`, "file not found"},
		{"absolute", `. C:\scripts\common.ps1`, "absolute paths are not read"},
		{"not a script", `. .\common.psm1`, "not a .ps1 script"},
		{"variable path", `. $commonPath`, "the path needs execution"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate(t, lines(
				`$PxA = $PxBefore`,
				tc.line,
				`$PxB = "$PxAfter-RG"`,
			))
			ds := r.Input.DotSources
			if len(ds) != 1 || ds[0].Read || ds[0].Reason != tc.reason || ds[0].Line != 2 {
				t.Fatalf("dot sources = %+v, want reason %q", ds, tc.reason)
			}
			refs := r.Input.References
			if len(refs) != 2 || refs[0].Defined || refs[0].DefinedElsewhere || refs[1].Defined || !refs[1].DefinedElsewhere {
				t.Errorf("references = %+v; only the use after the dot-source is defined elsewhere", refs)
			}
			if v := variable(t, r, "PxB"); v.Kind != KindUnknown || !strings.Contains(v.Reason, "could not be read") {
				t.Errorf("value after an unreadable dot-source = %+v", v)
			}
		})
	}
}

func TestDotSourceCycleAndDepth(t *testing.T) {
	r := evaluate(t, `. .\a.ps1`, files(map[string]string{
		"vars/a.ps1": lines(`$PxA = "a"`, `. .\b.ps1`),
		"vars/b.ps1": lines(`$PxB = "b"`, `. .\a.ps1`),
	}))
	if variable(t, r, "PxA").Value != "a" || variable(t, r, "PxB").Value != "b" {
		t.Errorf("cycle members not evaluated")
	}
	if r.Stats.FilesRead != 2 {
		t.Errorf("files read = %d, want 2 (the cycle is cut)", r.Stats.FilesRead)
	}

	r = evaluate(t, lines(`$PxA = "a"`, `. .\variables.ps1`), files(map[string]string{"vars/variables.ps1": `$PxA = "again"`}))
	if ds := r.Input.DotSources; len(ds) != 1 || ds[0].Read || !strings.Contains(ds[0].Reason, "cycle") {
		t.Errorf("a script dot-sourcing itself: %+v", ds)
	}

	chain := map[string]string{}
	for i := 1; i <= 6; i++ {
		chain["vars/l"+string(rune('0'+i))+".ps1"] = lines(`$PxL`+string(rune('0'+i))+` = "x"`, `. .\l`+string(rune('0'+i+1))+`.ps1`)
	}
	r = evaluate(t, `. .\l1.ps1`, files(chain))
	if r.Stats.FilesRead != DefaultLimits.MaxDotSourceDepth {
		t.Errorf("files read = %d, want the depth limit %d", r.Stats.FilesRead, DefaultLimits.MaxDotSourceDepth)
	}
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Rule != ps.RuleAnalysisLimit || r.Diagnostics[0].Span.Start.Line != 1 {
		t.Errorf("diagnostics = %+v, want one PX011 at the dot-source in the inspected file", r.Diagnostics)
	}
	if _, ok := r.Input.Variables["PxL5"]; ok {
		t.Errorf("a file beyond the depth limit was evaluated")
	}
}

// TestDotSourceRequiresAndGuards: #Requires and culture guards of a
// dot-sourced file count for the includer (DESIGN, Deployments, not files),
// marked with their file and without positions that would point into it.
func TestDotSourceRequiresAndGuards(t *testing.T) {
	r := evaluate(t, lines(`. "$PSScriptRoot\common.ps1"`, `$PxVmssRegion = "weu"`), files(map[string]string{
		"vars/common.ps1": lines(
			`#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }`,
			`if ((Get-Culture).Name -ne 'en-US') { throw "en-US only" }`,
			`$PxBaseConnName = "fab"`,
		),
	}))
	req := r.Input.Requires
	if len(req) != 1 || req[0].Name != "Az" || req[0].RequiredVersion != "4.5.0" || req[0].File != "vars/common.ps1" || req[0].Line != 0 {
		t.Errorf("requires = %+v", req)
	}
	g := r.Input.Guards
	if len(g) != 1 || g[0].Kind != GuardCulture || g[0].Value != "en-US" || g[0].File != "vars/common.ps1" || g[0].Line != 0 {
		t.Errorf("guards = %+v", g)
	}
	if len(r.Included) != 1 || !strings.HasSuffix(filepath.ToSlash(r.Included[0]), "vars/common.ps1") {
		t.Errorf("included = %v", r.Included)
	}
}
