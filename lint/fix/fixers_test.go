package fix

import (
	"testing"

	"github.com/pxlint/pxlint/lint/finding"
	"github.com/pxlint/pxlint/lint/rules"
)

// TestFixers: per rule, a finding the fixer fixes (with the text it
// writes and its safety) and one it leaves alone.
func TestFixers(t *testing.T) {
	const nsg = "PxNodesSourceAddressPrefixes"
	for _, tc := range []struct {
		name   string
		text   string
		spec   spec
		want   string // "" = no fix
		safety finding.Safety
	}{
		{"PX002 bare element", lines(`$PxNodesSourceAddressPrefixes = @(`, `    80.213.4.17,`, `    "31.45.128.0/27"`, `)`),
			spec{rule: "PX002", variable: nsg, element: "80.213.4.17"},
			lines(`$PxNodesSourceAddressPrefixes = @(`, `    "80.213.4.17",`, `    "31.45.128.0/27"`, `)`), finding.SafetySafe},
		{"PX002 quoted element: nothing to quote", lines(`$PxNodesSourceAddressPrefixes = @("80.213.4.17")`),
			spec{rule: "PX002", variable: nsg, element: `"80.213.4.17"`}, "", ""},

		{"PX003 single-quoted value", lines(`$PxTeamsConnResourceGroupName = '$($PxBaseConnName)-RG'  # keep`),
			spec{rule: "PX003", variable: "PxTeamsConnResourceGroupName"},
			lines(`$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-RG"  # keep`), finding.SafetyUnsafe},
		{"PX003 a double quote inside: not mechanical", lines(`$PxTeamsConnResourceGroupName = '$($PxBaseConnName)"-RG'`),
			spec{rule: "PX003", variable: "PxTeamsConnResourceGroupName"}, "", ""},

		{"PX004 misspelled use", lines(`$PxTeamsConnFqdn = "a.example.com"`, `Write-Host "$PxTeamsConnFqdnn and $($PxTeamsConnFqdnn)"`, `$x = $PxTeamsConnFqdnn`),
			spec{rule: "PX004", line: 2, fix: "rename it to $PxTeamsConnFqdn"},
			lines(`$PxTeamsConnFqdn = "a.example.com"`, `Write-Host "$PxTeamsConnFqdn and $($PxTeamsConnFqdn)"`, `$x = $PxTeamsConnFqdn`), finding.SafetyUnsafe},
		{"PX004 no suggestion", lines(`Write-Host $PxOther`),
			spec{rule: "PX004", line: 1, fix: "assign $PxOther before line 1"}, "", ""},

		{"PX005 rename assignment and uses", lines(`$PxTeamsConnDiskEncrypt = $true`, `$y = "$($PxTeamsConnDiskEncrypt)"`),
			spec{rule: "PX005", variable: "PxTeamsConnDiskEncrypt", fix: "rename $PxTeamsConnDiskEncrypt to $PxTeamsConnDiskEncryption"},
			lines(`$PxTeamsConnDiskEncryption = $true`, `$y = "$($PxTeamsConnDiskEncryption)"`), finding.SafetyUnsafe},
		{"PX005 the catalog name is assigned too", lines(`$PxTeamsConnDiskEncrypt = $true`, `$PxTeamsConnDiskEncryption = $false`),
			spec{rule: "PX005", variable: "PxTeamsConnDiskEncrypt", fix: "rename $PxTeamsConnDiskEncrypt to $PxTeamsConnDiskEncryption"}, "", ""},

		{"PX006 overridden literal", lines(`$PxVmssRegion = "weu"`, `$PxTeamsConnInstanceCount = "2"  # old`, `$PxTeamsConnInstanceCount = "3"`),
			spec{rule: "PX006", line: 2},
			lines(`$PxVmssRegion = "weu"`, `$PxTeamsConnInstanceCount = "3"`), finding.SafetySafe},
		{"PX006 read between the two", lines(`$PxBaseConnName = "a"`, `$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-RG"`, `$PxBaseConnName = "b"`),
			spec{rule: "PX006", line: 1}, "", ""},
		{"PX006 a prompt is not deleted", lines(`$PxVmssRegion = Read-Host "region"`, `$PxVmssRegion = "weu"`),
			spec{rule: "PX006", line: 1}, "", ""},
		{"PX006 never a secret", lines(`$PxWinAdminPassword = "Sup3r-Secret!"`, `$PxWinAdminPassword = "0ther-Secret!"`),
			spec{rule: "PX006", line: 1}, "", ""},

		{"PX008 string for a boolean", lines(`$PxTeamsConnDiskEncryption = "false"`),
			spec{rule: "PX008", variable: "PxTeamsConnDiskEncryption", fix: "$PxTeamsConnDiskEncryption = $false"},
			lines(`$PxTeamsConnDiskEncryption = $false`), finding.SafetyUnsafe},
		{"PX008 address list: no mechanical fix", lines(`$PxMgmtSrcAddrPrefixes = "1.2.3.4,5.6.7.8"`),
			spec{rule: "PX008", variable: "PxMgmtSrcAddrPrefixes", fix: `write an array: @("1.2.3.4", "5.6.7.8")`}, "", ""},

		{"PX101 spaces inside the quotes", lines(`$PxNodesSourceAddressPrefixes = @(" 80.213.4.17 ", '31.45.128.0/27 ')`),
			spec{rule: "PX101", variable: nsg, element: `" 80.213.4.17 "`},
			lines(`$PxNodesSourceAddressPrefixes = @("80.213.4.17", '31.45.128.0/27 ')`), finding.SafetySafe},
		{"PX101 not an address", lines(`$PxNodesSourceAddressPrefixes = @("31.45.128.300")`),
			spec{rule: "PX101", variable: nsg, element: `"31.45.128.300"`}, "", ""},

		{"PX102 host bits", lines(`$PxNodesSourceAddressPrefixes = @('91.90.42.96/26')`),
			spec{rule: "PX102", variable: nsg, element: `'91.90.42.96/26'`},
			lines(`$PxNodesSourceAddressPrefixes = @('91.90.42.64/26')`), finding.SafetyUnsafe},
		{"PX102 network address already", lines(`$PxNodesSourceAddressPrefixes = @("91.90.42.64/26")`),
			spec{rule: "PX102", variable: nsg, element: `"91.90.42.64/26"`}, "", ""},

		{"PX103 empty element on its own line", lines(`$PxNodesSourceAddressPrefixes = @(`, `    "",`, `    "80.213.4.17"`, `)`),
			spec{rule: "PX103", variable: nsg, element: `""`},
			lines(`$PxNodesSourceAddressPrefixes = @(`, `    "80.213.4.17"`, `)`), finding.SafetyUnsafe},
		{"PX103 the last element stays", lines(`$PxNodesSourceAddressPrefixes = @("")`),
			spec{rule: "PX103", variable: nsg, element: `""`}, "", ""},

		{"PX106 contained element, last", lines(`$PxNodesSourceAddressPrefixes = @("31.45.128.0/27", "31.45.128.17")`),
			spec{rule: "PX106", variable: nsg, element: `"31.45.128.17"`, fix: "remove this element"},
			lines(`$PxNodesSourceAddressPrefixes = @("31.45.128.0/27")`), finding.SafetySafe},
		{"PX106 appended from the management list", lines(`$PxMgmtSrcAddrPrefixes = @("31.45.128.17")`, `$PxNodesSourceAddressPrefixes = @("31.45.128.0/27") + $PxMgmtSrcAddrPrefixes`),
			spec{rule: "PX106", variable: nsg, element: `"31.45.128.17"`, fix: "remove this element"}, "", ""},

		{"PX201 upper case", lines(`$PxBaseConnName = "Fabrikam"`),
			spec{rule: "PX201", variable: "PxBaseConnName", fix: `$PxBaseConnName = "fabrikam"`},
			lines(`$PxBaseConnName = "fabrikam"`), finding.SafetyUnsafe},
		{"PX201 a guessed shorter name", lines(`$PxBaseConnName = "fabrikam-eu"`),
			spec{rule: "PX201", variable: "PxBaseConnName", fix: `$PxBaseConnName = "fabrikame"`}, "", ""},

		{"PX204 trailing dot in an expression", lines(`$PxBaseConnName = "a"`, `$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-RG."`),
			spec{rule: "PX204", variable: "PxTeamsConnResourceGroupName", fix: `$PxTeamsConnResourceGroupName = "a-RG"`},
			lines(`$PxBaseConnName = "a"`, `$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-RG"`), finding.SafetyUnsafe},
		{"PX204 other characters", lines(`$PxTeamsConnResourceGroupName = "a RG"`),
			spec{rule: "PX204", variable: "PxTeamsConnResourceGroupName", fix: `$PxTeamsConnResourceGroupName = "a-RG"`}, "", ""},

		{"PX205 the template's name", lines(`$PxTeamsConnStaticResourceGroupName = $PxTeamsConnResourceGroupName`),
			spec{rule: "PX205", variable: "PxTeamsConnStaticResourceGroupName", fix: `$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"`},
			lines(`$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"`), finding.SafetyUnsafe},
		{"PX205 a placeholder", lines(`$PxTeamsConnStaticResourceGroupName = "x"`),
			spec{rule: "PX205", variable: "PxTeamsConnStaticResourceGroupName", fix: `$PxTeamsConnStaticResourceGroupName = "<another name>"`}, "", ""},

		{"PX209 display name", lines(`$PxAzureLocation = "West Europe"`),
			spec{rule: "PX209", variable: "PxAzureLocation", fix: `$PxAzureLocation = "westeurope"`, severity: finding.SeverityInfo, message: "a display name"},
			lines(`$PxAzureLocation = "westeurope"`), finding.SafetySafe},
		{"PX209 no region: a guess", lines(`$PxAzureLocation = "west-europe"`),
			spec{rule: "PX209", variable: "PxAzureLocation", fix: `$PxAzureLocation = "westeurope"`, severity: finding.SeverityError},
			lines(`$PxAzureLocation = "westeurope"`), finding.SafetyUnsafe},

		{"PX502 spaces", lines(`$PxTeamsConnFqdn = " teams.example.com "`),
			spec{rule: "PX502", variable: "PxTeamsConnFqdn", fix: `$PxTeamsConnFqdn = "teams.example.com"`},
			lines(`$PxTeamsConnFqdn = "teams.example.com"`), finding.SafetySafe},
		{"PX502 scheme", lines(`$PxTeamsConnFqdn = "https://teams.example.com"`),
			spec{rule: "PX502", variable: "PxTeamsConnFqdn", fix: `$PxTeamsConnFqdn = "teams.example.com"`},
			lines(`$PxTeamsConnFqdn = "teams.example.com"`), finding.SafetyUnsafe},
		{"PX502 no fix in words", lines(`$PxTeamsConnFqdn = "a_b.example.com"`),
			spec{rule: "PX502", variable: "PxTeamsConnFqdn", fix: ``}, "", ""},

		{"PX503 array", lines(`$PxNodeFqdns = @("a.example.com", "b.example.com")`),
			spec{rule: "PX503", variable: "PxNodeFqdns", fix: `$PxNodeFqdns = "a.example.com,b.example.com"`},
			lines(`$PxNodeFqdns = "a.example.com,b.example.com"`), finding.SafetySafe},
		{"PX503 duplicate dropped", lines(`$PxNodeFqdns = "a.example.com, a.example.com"`),
			spec{rule: "PX503", variable: "PxNodeFqdns", fix: `$PxNodeFqdns = "a.example.com"`},
			lines(`$PxNodeFqdns = "a.example.com"`), finding.SafetyUnsafe},
		{"PX503 placeholder", lines(`$PxNodeFqdns = ""`),
			spec{rule: "PX503", variable: "PxNodeFqdns", fix: `$PxNodeFqdns = "<node names>"`}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, fixes := fixed(t, tc.text, tc.spec)
			if got != tc.want {
				t.Fatalf("got %q, want %q (fixes %+v)", got, tc.want, fixes)
			}
			if tc.want != "" && fixes[0].Safety != tc.safety {
				t.Errorf("safety %s, want %s", fixes[0].Safety, tc.safety)
			}
			if _, ok := Lookup(tc.spec.rule); !ok {
				t.Errorf("no fixer registered for %s", tc.spec.rule)
			}
		})
	}
}

// TestPX102Alternatives: the narrower prefix is the second alternative.
func TestPX102Alternatives(t *testing.T) {
	c := contextOf(t, []byte(`$PxNodesSourceAddressPrefixes = @("91.90.42.96/26")`+"\n"))
	fs := []finding.Finding{spec{rule: "PX102", variable: "PxNodesSourceAddressPrefixes", element: `"91.90.42.96/26"`}.finding(t, c)}
	Attach(c, fs)
	if len(fs[0].Fixes) != 2 || fs[0].Fixes[0].Edits[0].NewText != `"91.90.42.64/26"` || fs[0].Fixes[1].Edits[0].NewText != `"91.90.42.96/27"` {
		t.Fatalf("got %+v", fs[0].Fixes)
	}
}

// TestPX009 saves as UTF-8 with BOM the files Windows PowerShell 5.1
// misreads, and nothing else.
func TestPX009(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want bool
	}{
		{"$PxA = \u201cx\u201d\n", true},              // UTF-8 without BOM
		{"$PxA = \x93x\x94\n", true},                  // Windows-1252
		{"\xEF\xBB\xBF$PxA = \u201cx\u201d\n", false}, // already UTF-8 with BOM
		{"\xFF\xFE$\x00P\x00x\x00A\x00", false},       // UTF-16 with BOM
	} {
		c := contextOf(t, []byte(tc.raw))
		fs := []finding.Finding{{RuleID: "PX009"}}
		Attach(c, fs)
		if got := len(fs[0].Fixes) > 0; got != tc.want {
			t.Errorf("%q: fix %v, want %v", tc.raw, got, tc.want)
			continue
		}
		if tc.want {
			res := Apply([]byte(tc.raw), c.Src, fs[0].Fixes[:1])
			if res.Reencoded != finding.EncodingUTF8BOM || string(res.Bytes) != "\xEF\xBB\xBF$PxA = \u201cx\u201d\n" {
				t.Errorf("%q: re-encoded to %q", tc.raw, res.Bytes)
			}
		}
	}
}

// TestPX009StraightQuotes: the second alternative writes the quotes and
// dashes PowerShell already reads as ASCII ones.
func TestPX009StraightQuotes(t *testing.T) {
	raw := "$PxAzureLocation = \u201cwesteurope\u201d\nif ($a \u2013eq 1) { $b = \u2018x\u2019 }\n$c = \u201cit\u2019s\u201d\n"
	c := contextOf(t, []byte(raw))
	fs := []finding.Finding{{RuleID: "PX009"}}
	Attach(c, fs)
	if len(fs[0].Fixes) != 2 {
		t.Fatalf("got %+v", fs[0].Fixes)
	}
	res := Apply([]byte(raw), c.Src, fs[0].Fixes[1:])
	if got, want := string(res.Bytes), "$PxAzureLocation = \"westeurope\"\nif ($a -eq 1) { $b = 'x' }\n$c = \u201cit\u2019s\u201d\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestRegistry: every fixer says what it writes and how safe it is.
func TestRegistry(t *testing.T) {
	if len(Rules()) < 15 {
		t.Fatalf("only %d fixers", len(Rules()))
	}
	for _, id := range Rules() {
		x, _ := Lookup(id)
		if x.Summary == "" || x.Safety != finding.SafetySafe && x.Safety != finding.SafetyUnsafe {
			t.Errorf("%s: summary %q, safety %q", id, x.Summary, x.Safety)
		}
	}
}

// TestFixable: only a finding of a rule with a fixer makes Attach read the
// tokens (lint parses a script again for them).
func TestFixable(t *testing.T) {
	for _, tc := range []struct {
		findings []finding.Finding
		want     bool
	}{
		{nil, false},
		{[]finding.Finding{{RuleID: "PX999"}}, false},
		{[]finding.Finding{{RuleID: "PX999"}, {RuleID: rules.PX003}}, true},
	} {
		if got := Fixable(tc.findings); got != tc.want {
			t.Errorf("Fixable(%v) = %v, want %v", tc.findings, got, tc.want)
		}
	}
}
