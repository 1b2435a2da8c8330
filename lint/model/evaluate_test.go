package model

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestValues(t *testing.T) {
	type want struct {
		kind   string
		value  any
		reason string // substring of Reason
		quote  string
		text   string // when set, the expected Variable.Text
	}
	for _, tc := range []struct {
		name   string
		script string
		want   want
	}{
		{"double-quoted", `$PxA = "fabrikam"`, want{kind: KindString, value: "fabrikam", quote: "double", text: `"fabrikam"`}},
		{"single-quoted with escaped quote", `$PxA = 'it''s'`, want{kind: KindString, value: "it's", quote: "single"}},
		{"single-quoted does not expand", lines(`$PxB = "x"`, `$PxA = '$($PxB)-RG'`), want{kind: KindString, value: "$($PxB)-RG", quote: "single"}},
		{"here-string", "$PxA = @\"\nline1\nline2\n\"@", want{kind: KindString, value: "line1\nline2", quote: "here-double"}},
		{"typographic quotes", `$PxA = “northeurope”`, want{kind: KindString, value: "northeurope", quote: "double"}},
		{"true", `$PxA = $true`, want{kind: KindBool, value: true}},
		{"FALSE any case", `$PxA = $FALSE`, want{kind: KindBool, value: false}},
		{"null", `$PxA = $null`, want{kind: KindNull, value: nil}},
		{"integer", `$PxA = 3`, want{kind: KindNumber, value: int64(3)}},
		{"real", `$PxA = 1.5`, want{kind: KindNumber, value: 1.5}},
		{"multiplier", `$PxA = 1kb`, want{kind: KindNumber, value: int64(1024)}},
		{"numeric string stays a string", `$PxA = "2"`, want{kind: KindString, value: "2", quote: "double"}},
		{"bare address is null", `$PxA = 80.213.4.17`, want{kind: KindNull, value: nil, text: "80.213.4.17"}},
		{"bare prefix is zero", `$PxA = 91.90.42.64/26`, want{kind: KindNumber, value: int64(0), text: "91.90.42.64/26"}},
		{"null divided", `$PxA = $null / 26`, want{kind: KindNumber, value: int64(0)}},
		{"expand $()", lines(`$PxB = "fab"`, `$PxC = "weu"`, `$PxA = "$($PxB)-TeamsConn-$($PxC)-RG"`), want{kind: KindString, value: "fab-TeamsConn-weu-RG", quote: "double"}},
		{"expand $var and ${var}", lines(`$PxB = "fab"`, `$PxA = "$PxB/${PxB}"`), want{kind: KindString, value: "fab/fab", quote: "double"}},
		{"expand number and bool", lines(`$PxB = 2`, `$PxC = $true`, `$PxA = "$PxB $PxC"`), want{kind: KindString, value: "2 True"}},
		{"expand array joins with spaces", lines(`$PxB = @("a", "b")`, `$PxA = "[$PxB]"`), want{kind: KindString, value: "[a b]"}},
		{"backtick escapes", "$PxA = \"a`tb\"", want{kind: KindString, value: "a\tb"}},
		{"undefined variable", `$PxA = "$($PxNope)-RG"`, want{kind: KindUnknown, reason: "$PxNope is not assigned before this point"}},
		{"undefined plain", `$PxA = $PxNope`, want{kind: KindUnknown, reason: "not assigned"}},
		{"depends on unknown", lines(`$PxB = Read-Host "x"`, `$PxA = "$PxB-RG"`), want{kind: KindUnknown, reason: "depends on $PxB: Read-Host needs user input"}},
		{"Read-Host", `$PxA = Read-Host "Base name"`, want{kind: KindUnknown, reason: "Read-Host needs user input"}},
		{"Get-Credential", `$PxA = Get-Credential`, want{kind: KindUnknown, reason: "Get-Credential needs user input"}},
		{"ConvertTo-SecureString", `$PxA = ConvertTo-SecureString -String $x -AsPlainText -Force`, want{kind: KindUnknown, reason: "ConvertTo-SecureString"}},
		{"New-Object", `$PxA = New-Object System.Management.Automation.PSCredential ("u", $s)`, want{kind: KindUnknown, reason: "New-Object"}},
		{"cmdlet output", `$PxA = Get-Date`, want{kind: KindUnknown, reason: "output of Get-Date needs execution"}},
		{"pipeline names the interactive command", `$PxA = Read-Host "pw" | ConvertTo-SecureString`, want{kind: KindUnknown, reason: "Read-Host"}},
		{"paren command", `$PxA = (Get-AzContext).Subscription`, want{kind: KindUnknown, reason: "Get-AzContext"}},
		{"environment", `$PxA = $env:USERNAME`, want{kind: KindUnknown, reason: "environment variable"}},
		{"automatic", `$PxA = "$PSScriptRoot\cert.pfx"`, want{kind: KindUnknown, reason: "automatic variable $PSScriptRoot"}},
		{"inside if", lines(`if ($x) {`, `  $PxA = "a"`, `}`), want{kind: KindUnknown, reason: "assigned inside a branch"}},
		{"inside else", lines(`if ($x) { } else { $PxA = "a" }`), want{kind: KindUnknown, reason: "assigned inside a branch"}},
		{"inside foreach", lines(`foreach ($i in 1..2) { $PxA = "a" }`), want{kind: KindUnknown, reason: "branch"}},
		{"inside try", lines(`try { $PxA = "a" } catch { }`), want{kind: KindUnknown, reason: "branch"}},
		{"inside function", lines(`function f { $PxA = "a" }`), want{kind: KindUnknown, reason: "branch"}},
		{"unconditional after branch", lines(`if ($x) { $PxA = "a" }`, `$PxA = "b"`), want{kind: KindString, value: "b"}},
		{"branch after unconditional", lines(`$PxA = "b"`, `if ($x) { $PxA = "a" }`), want{kind: KindUnknown, reason: "branch"}},
		{"+= appends to a string", lines(`$PxA = "a"`, `$PxA += "b"`), want{kind: KindString, value: "ab"}},
		{"+= on unassigned", `$PxA += "b"`, want{kind: KindString, value: "b"}},
		{"+= adds numbers", lines(`$PxA = 1`, `$PxA += 2`), want{kind: KindNumber, value: int64(3)}},
		{"??= keeps", lines(`$PxA = "a"`, `$PxA ??= "b"`), want{kind: KindString, value: "a"}},
		{"comma list", `$PxA = "a", "b"`, want{kind: KindArray, value: []any{"a", "b"}}},
		{"empty array", `$PxA = @()`, want{kind: KindArray, value: []any{}}},
		{"newline-separated array", "$PxA = @(\n  \"a\"\n  \"b\"\n)", want{kind: KindArray, value: []any{"a", "b"}}},
		{"nested comma list stays nested", lines(`$PxB = "x", "y"`, `$PxA = @($PxB, "z")`), want{kind: KindArray, value: []any{[]any{"x", "y"}, "z"}}},
		{"array statement flattens", "$PxB = \"x\", \"y\"\n$PxA = @(\n$PxB\n\"z\"\n)", want{kind: KindArray, value: []any{"x", "y", "z"}}},
		{"one string where an array is expected", `$PxA = "85.10.200.0/28"`, want{kind: KindString, value: "85.10.200.0/28"}},
		{"unary comma", `$PxA = ,"a"`, want{kind: KindArray, value: []any{"a"}}},
		{"hashtable", `$PxA = @{ Name = "x"; Count = 2 }`, want{kind: KindHashtable, value: map[string]any{"Name": "x", "Count": int64(2)}}},
		{"join", `$PxA = @("a", "b") -join ","`, want{kind: KindString, value: "a,b"}},
		{"unary join", `$PxA = -join ("a", "b")`, want{kind: KindString, value: "ab"}},
		{"format", `$PxA = "{0}-TeamsConn-{1}-RG" -f "fab", "weu"`, want{kind: KindString, value: "fab-TeamsConn-weu-RG"}},
		{"format escapes and alignment", `$PxA = "{{{0,3}}}" -f 7`, want{kind: KindString, value: "{  7}"}},
		{"format specifier is not evaluated", `$PxA = "{0:N2}" -f 7`, want{kind: KindUnknown, reason: "format specifiers"}},
		{"concatenation", lines(`$PxB = "fab"`, `$PxA = $PxB + "weu"`), want{kind: KindString, value: "fabweu"}},
		{"string plus number", `$PxA = "a" + 1`, want{kind: KindString, value: "a1"}},
		{"number plus string", `$PxA = 1 + "2"`, want{kind: KindNumber, value: int64(3)}},
		{"cast to string", `$PxA = [string]2`, want{kind: KindString, value: "2"}},
		{"cast to int", `$PxA = [int]"3"`, want{kind: KindNumber, value: int64(3)}},
		{"cast target", `[string]$PxA = 3`, want{kind: KindString, value: "3"}},
		{"cast to string array", `$PxA = [string[]]"a"`, want{kind: KindArray, value: []any{"a"}}},
		{"ToLower", `$PxA = "FAB".ToLower()`, want{kind: KindString, value: "fab"}},
		{"Length", `$PxA = "fab".Length`, want{kind: KindNumber, value: int64(3)}},
		{"index", `$PxA = @("a", "b")[1]`, want{kind: KindString, value: "b"}},
		{"hashtable member", lines(`$PxB = @{ Name = "x" }`, `$PxA = $PxB.Name`), want{kind: KindString, value: "x"}},
		{"range", `$PxA = 1..3`, want{kind: KindArray, value: []any{int64(1), int64(2), int64(3)}}},
		{"string repetition", `$PxA = "ab" * 3`, want{kind: KindString, value: "ababab"}},
		{"comparison", `$PxA = "A" -eq "a"`, want{kind: KindBool, value: true}},
		{"-not", `$PxA = -not $false`, want{kind: KindBool, value: true}},
		{"division by zero", `$PxA = 1 / 0`, want{kind: KindUnknown, reason: "division by zero"}},
		{"unsupported operator", `$PxA = "a" -replace "a", "b"`, want{kind: KindUnknown, reason: "-replace"}},
		{"copy keeps no quote", lines(`$PxB = "x"`, `$PxA = $PxB`), want{kind: KindString, value: "x", quote: ""}},
		{"scoped assignment", `$script:PxA = "x"`, want{kind: KindString, value: "x"}},
		{"member assignment makes unknown", lines(`$PxA = @{ Name = "x" }`, `$PxA.Name = "y"`), want{kind: KindUnknown, reason: "member or index assignment"}},
		{"multiple assignment", `$PxA, $PxB = "x", "y"`, want{kind: KindUnknown, reason: "multiple assignment"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate(t, tc.script)
			v := variable(t, r, "PxA")
			if v.Kind != tc.want.kind {
				t.Errorf("kind = %q, want %q (value %#v, reason %q)", v.Kind, tc.want.kind, v.Value, v.Reason)
			}
			if tc.want.kind != KindUnknown && !reflect.DeepEqual(v.Value, tc.want.value) {
				t.Errorf("value = %#v, want %#v", v.Value, tc.want.value)
			}
			if tc.want.kind == KindUnknown && v.Value != nil {
				t.Errorf("unknown value carries %#v", v.Value)
			}
			if !strings.Contains(v.Reason, tc.want.reason) || (tc.want.reason == "" && v.Reason != "") {
				t.Errorf("reason = %q, want it to contain %q", v.Reason, tc.want.reason)
			}
			if tc.want.quote != "" && v.Quote != tc.want.quote {
				t.Errorf("quote = %q, want %q", v.Quote, tc.want.quote)
			}
			if tc.want.text != "" && v.Text != tc.want.text {
				t.Errorf("text = %q, want %q", v.Text, tc.want.text)
			}
		})
	}
}

func TestScriptParams(t *testing.T) {
	r := evaluate(t, lines(
		`param(`,
		`    [string]$PxBaseConnName = "fab",`,
		`    [string]$PxWinAdminPassword = "Param!Secret1"`,
		`)`,
		`$PxA = "$PxBaseConnName-RG"`,
	))
	v := variable(t, r, "PxBaseConnName")
	if v.Kind != KindUnknown || !strings.Contains(v.Reason, "script parameter") || len(v.Assignments) != 1 || !v.Assignments[0].Conditional || v.Line != 2 {
		t.Errorf("parameter = %+v", v)
	}
	if v.Text != `"fab"` {
		t.Errorf("parameter text = %q", v.Text)
	}
	if p := variable(t, r, "PxWinAdminPassword"); p.Kind != KindSecret || p.Text != "" || p.Secret == nil || p.Secret.Length != 13 {
		t.Errorf("secret parameter = %+v", p)
	}
	if len(r.SecretSpans) != 1 || r.SecretSpans[0].StartLine != 3 {
		t.Errorf("secret spans = %+v", r.SecretSpans)
	}
	if ref := r.Input.References[0]; !ref.Defined {
		t.Errorf("reference to a parameter = %+v", ref)
	}
}

func TestAssignments(t *testing.T) {
	r := evaluate(t, lines(
		`$PxA = "a"`,
		`$PxA += "b"`,
		`if ($x) { $PxA = "c" }`,
		`$pxa = "d"`,
	))
	v := variable(t, r, "PxA")
	got := []string{}
	for _, a := range v.Assignments {
		got = append(got, a.Operator+"@"+strconv.Itoa(a.Line)+map[bool]string{true: "?", false: ""}[a.Conditional])
	}
	want := []string{"=@1", "+=@2", "=@3?", "=@4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("assignments = %v, want %v", got, want)
	}
	if v.SourceName != "pxa" || v.Name != "PxA" {
		t.Errorf("name = %q, source name = %q; want the first spelling as key and the last as source name", v.Name, v.SourceName)
	}
	if v.Line != 4 || v.Column != 1 || v.Span.StartLine != 4 || v.Span.EndColumn != 11 || v.ValueSpan.StartColumn != 8 {
		t.Errorf("last assignment position = %d:%d span %+v value span %+v", v.Line, v.Column, v.Span, v.ValueSpan)
	}
	if v.Value != "d" {
		t.Errorf("value = %#v, want d", v.Value)
	}
}

func TestCatalogSpelling(t *testing.T) {
	r := evaluate(t, lines(
		`$pxnodefqdns = "a.example.net"`,
		`Write-Host $PXNODEFQDNS`,
	), func(o *Options) { o.KnownNames = []string{"PxNodeFqdns", "PxBaseConnName"} })
	v := variable(t, r, "PxNodeFqdns")
	if v.Name != "PxNodeFqdns" || v.SourceName != "pxnodefqdns" {
		t.Errorf("name %q source %q", v.Name, v.SourceName)
	}
	if len(r.Input.References) != 1 || r.Input.References[0].Name != "PxNodeFqdns" {
		t.Errorf("references = %+v", r.Input.References)
	}
	arg := command(t, r, "Write-Host", 0).Positional[0]
	if arg.Variable != "PxNodeFqdns" {
		t.Errorf("argument variable = %q", arg.Variable)
	}
}

func TestElements(t *testing.T) {
	r := evaluate(t, lines(
		`$PxMgmtSrcAddrPrefixes = @("91.90.42.64/26", '85.10.200.0/28')`,
		`$PxNodesSourceAddressPrefixes = @(`,
		`    80.213.4.17,`,
		`    "31.45.128.0/27"`,
		`    91.90.42.64/26`,
		`) + $PxMgmtSrcAddrPrefixes`,
		`$PxOne = "77.72.144.0/29"`,
		`$PxList = @("62.210.116.0/28") + $PxOne`,
		`$PxList += "185.44.96.0/28"`,
		`$PxCopy = $PxList`,
	))
	type el struct {
		Value        any
		Kind, Quote  string
		Text         string
		Line, Column int
		EndColumn    int
		From         string
	}
	simplify := func(es []Element) []el {
		out := []el{}
		for _, e := range es {
			out = append(out, el{e.Value, e.Kind, e.Quote, e.Text, e.Line, e.Column, e.Span.EndColumn, e.From})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		want []el
	}{
		{"PxNodesSourceAddressPrefixes", []el{
			{nil, ElementBare, "", "80.213.4.17", 3, 5, 16, ""},
			{"31.45.128.0/27", ElementQuoted, "double", `"31.45.128.0/27"`, 4, 5, 21, ""},
			{int64(0), ElementBare, "", "91.90.42.64/26", 5, 5, 19, ""},
			{"91.90.42.64/26", ElementQuoted, "double", `"91.90.42.64/26"`, 1, 28, 44, "PxMgmtSrcAddrPrefixes"},
			{"85.10.200.0/28", ElementQuoted, "single", `'85.10.200.0/28'`, 1, 46, 62, "PxMgmtSrcAddrPrefixes"},
		}},
		{"PxList", []el{
			{"62.210.116.0/28", ElementQuoted, "double", `"62.210.116.0/28"`, 8, 13, 30, ""},
			{"77.72.144.0/29", ElementQuoted, "double", `"77.72.144.0/29"`, 7, 10, 26, "PxOne"},
			{"185.44.96.0/28", ElementQuoted, "double", `"185.44.96.0/28"`, 9, 12, 28, ""},
		}},
		{"PxCopy", []el{
			{"62.210.116.0/28", ElementQuoted, "double", `"62.210.116.0/28"`, 8, 13, 30, "PxList"},
			{"77.72.144.0/29", ElementQuoted, "double", `"77.72.144.0/29"`, 7, 10, 26, "PxOne"},
			{"185.44.96.0/28", ElementQuoted, "double", `"185.44.96.0/28"`, 9, 12, 28, "PxList"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := variable(t, r, tc.name)
			if v.Kind != KindArray {
				t.Fatalf("kind = %s (%s)", v.Kind, v.Reason)
			}
			if got := simplify(v.Elements); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("elements:\n got %+v\nwant %+v", got, tc.want)
			}
			if vals, ok := v.Value.([]any); !ok || len(vals) != len(tc.want) {
				t.Errorf("value = %#v", v.Value)
			}
		})
	}
	if got := variable(t, r, "PxList").Assignments[1].Operator; got != "+=" {
		t.Errorf("second assignment operator = %q", got)
	}
}

func TestElementKinds(t *testing.T) {
	r := evaluate(t, lines(
		`$PxB = "x"`,
		`$PxA = @("q", 10.0.0.1, 5, $PxB, ("a" + "b"), (Read-Host "x"), -7)`,
	))
	got := []string{}
	for _, e := range variable(t, r, "PxA").Elements {
		got = append(got, e.Kind)
	}
	want := []string{ElementQuoted, ElementBare, ElementBare, ElementQuoted, ElementExpression, ElementUnknown, ElementBare}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("element kinds = %v, want %v", got, want)
	}
	// $PxB keeps the element where "x" was written, and names its variable.
	e := variable(t, r, "PxA").Elements[3]
	if e.Line != 1 || e.From != "PxB" || e.Text != `"x"` {
		t.Errorf("element from a scalar variable = %+v", e)
	}
}

func TestReferences(t *testing.T) {
	r := evaluate(t, lines(
		`$PxA = "$PxB"`,
		`$PxB = "x"`,
		`$PxC = $PxB`,
		`Write-Host $PxA -ForegroundColor $PxColor`,
		`if ($PxC -eq "x") { }`,
		`$notPx = $other`,
	))
	type ref struct {
		Name             string
		Line, Column     int
		Defined          bool
		Context          string
		DefinedElsewhere bool
	}
	var got []ref
	for _, x := range r.Input.References {
		got = append(got, ref{x.Name, x.Line, x.Column, x.Defined, x.Context, x.DefinedElsewhere})
	}
	want := []ref{
		{"PxB", 1, 9, false, "string", false},
		{"PxB", 3, 8, true, "value", false},
		{"PxA", 4, 12, true, "argument", false},
		{"PxColor", 4, 34, false, "argument", false},
		{"PxC", 5, 5, true, "condition", false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("references:\n got %+v\nwant %+v", got, want)
	}
}

func TestCommands(t *testing.T) {
	r := evaluate(t, lines(
		`$PxPfxCertFileName = "c.pfx"`,
		`$PxSubscriptionId = "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11"`,
		`.\create_vmss_deployment.ps1 -pfx $PxPfxCertFileName -Sub:$PxSubscriptionId -inst 2 -In 3 -Encryption:$false -RdpSource @("a", "b")`,
		`Import-Module -Force AzureRM`,
		`Install-Module az -RequiredVersion 4.5.0 -AllowClobber`,
		`Foo-Bar -X 1 -Y`,
		`& "C:\pexip\create_vmss_deployment.ps1" -TeamsConnectorFqdn teams.example.net`,
		`Set-Culture -cu en-US`,
		`Write-Host ("{0} done" -f $PxPfxCertFileName) -NoNewline`,
	))
	deploy := command(t, r, "create_vmss_deployment.ps1", 0)
	if deploy.Text != `.\create_vmss_deployment.ps1` || deploy.Line != 3 || deploy.Column != 1 {
		t.Errorf("deploy command = %q at %d:%d", deploy.Text, deploy.Line, deploy.Column)
	}
	type p struct {
		Name, Written string
		Switch        bool
		Value         any
		Variable      string
	}
	var got []p
	for _, x := range deploy.Parameters {
		q := p{Name: x.Name, Written: x.Written, Switch: x.Switch}
		if x.Value != nil {
			q.Value, q.Variable = x.Value.Value, x.Value.Variable
		}
		got = append(got, q)
	}
	want := []p{
		{"PfxPath", "pfx", false, "c.pfx", "PxPfxCertFileName"},
		{"SubscriptionId", "Sub", false, "3f2c5a1e-8d4b-4c6a-9e1f-2b7d8c9a0e11", "PxSubscriptionId"},
		{"instanceCount", "inst", false, int64(2), ""},
		{"In", "In", false, int64(3), ""}, // ambiguous: instanceCount, IncidentReporting
		{"Encryption", "Encryption", false, false, ""},
		{"RdpSourceAddressPrefixes", "RdpSource", false, []any{"a", "b"}, ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("deploy parameters:\n got %+v\nwant %+v", got, want)
	}
	pfx := param(t, deploy, "PfxPath")
	if pfx.Column != 30 || pfx.Span.StartColumn != 30 || pfx.Span.EndColumn != 53 || pfx.Value.Column != 35 {
		t.Errorf("PfxPath position: %d, span %+v, value at %d", pfx.Column, pfx.Span, pfx.Value.Column)
	}

	imp := command(t, r, "Import-Module", 0)
	if f := param(t, imp, "Force"); !f.Switch || f.Value != nil {
		t.Errorf("-Force = %+v, want a switch", f)
	}
	if len(imp.Positional) != 1 || imp.Positional[0].Value != "AzureRM" {
		t.Errorf("Import-Module positional = %+v", imp.Positional)
	}
	inst := command(t, r, "Install-Module", 0)
	if inst.Positional[0].Value != "az" || param(t, inst, "RequiredVersion").Value.Value != "4.5.0" || !param(t, inst, "AllowClobber").Switch {
		t.Errorf("Install-Module = %+v", inst)
	}
	foo := command(t, r, "Foo-Bar", 0)
	if param(t, foo, "X").Value.Value != int64(1) || !param(t, foo, "Y").Switch {
		t.Errorf("unknown command binding = %+v", foo.Parameters)
	}
	call := command(t, r, "create_vmss_deployment.ps1", 1)
	if call.Text != `C:\pexip\create_vmss_deployment.ps1` || param(t, call, "TeamsConnectorFqdn").Value.Value != "teams.example.net" {
		t.Errorf("call operator command = %+v", call)
	}
	if param(t, command(t, r, "Set-Culture", 0), "CultureInfo").Value.Value != "en-US" {
		t.Errorf("Set-Culture -cu not bound")
	}
	wh := command(t, r, "Write-Host", 0)
	if wh.Positional[0].Value != "c.pfx done" || !param(t, wh, "NoNewline").Switch {
		t.Errorf("Write-Host = %+v", wh)
	}
}

func TestSplatting(t *testing.T) {
	r := evaluate(t, lines(
		`$PxTeamsConnFqdn = "teams.example.net"`,
		`$deploy = @{ TeamsConnectorFqdn = $PxTeamsConnFqdn; instanceCount = "2"; AppPassword = "Sup3r!Secret" }`,
		`.\create_vmss_deployment.ps1 @deploy -PfxPath c.pfx`,
	))
	c := command(t, r, "create_vmss_deployment.ps1", 0)
	if v := param(t, c, "TeamsConnectorFqdn").Value; v.Value != "teams.example.net" || v.Line != 2 {
		t.Errorf("splatted TeamsConnectorFqdn = %+v", v)
	}
	if v := param(t, c, "instanceCount").Value; v.Value != "2" {
		t.Errorf("splatted instanceCount = %+v", v)
	}
	if v := param(t, c, "AppPassword").Value; v.Kind != KindSecret || v.Value != nil || v.Text != "" {
		t.Errorf("splatted secret = %+v", v)
	}
	if v := param(t, c, "PfxPath").Value; v.Value != "c.pfx" {
		t.Errorf("-PfxPath after the splat = %+v", v)
	}
}

func TestGuards(t *testing.T) {
	for _, tc := range []struct {
		name, script, want string
	}{
		{"ne throw", `if ((Get-Culture).Name -ne 'en-US') { throw "culture" }`, "en-US"},
		{"notlike exit", `if ((Get-Culture).Name -notlike "en-US") { Write-Host "no"; exit 1 }`, "en-US"},
		{"CultureInfo", `if ([System.Globalization.CultureInfo]::CurrentCulture.Name -ne 'en-US') { throw "x" }`, "en-US"},
		{"reversed operands", `if ('en-US' -ne (Get-Culture).Name) { return }`, "en-US"},
		{"negated eq", `if (-not ((Get-Culture).Name -eq 'en-US')) { throw "x" }`, "en-US"},
		{"eq with else throw", `if ((Get-Culture).Name -eq 'en-US') { Write-Host ok } else { throw "x" }`, "en-US"},
		{"warns only", `if ((Get-Culture).Name -ne 'en-US') { Write-Warning "culture" }`, ""},
		{"not a culture", `if ($x.Name -ne 'en-US') { throw "x" }`, ""},
		{"eq with throw in body", `if ((Get-Culture).Name -eq 'en-US') { throw "x" }`, ""},
		{"inside a function", `function Test-Culture { if ((Get-Culture).Name -ne 'en-US') { throw "x" } }`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluate(t, tc.script)
			if tc.want == "" {
				if len(r.Input.Guards) != 0 {
					t.Errorf("guards = %+v, want none", r.Input.Guards)
				}
				return
			}
			if len(r.Input.Guards) != 1 || r.Input.Guards[0].Kind != GuardCulture || r.Input.Guards[0].Value != tc.want || r.Input.Guards[0].Line != 1 {
				t.Errorf("guards = %+v, want culture %s", r.Input.Guards, tc.want)
			}
		})
	}
}

func TestRequires(t *testing.T) {
	r := evaluate(t, lines(
		`#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }`,
		`#Requires -Modules AzureRM.Profile`,
	))
	if len(r.Input.Requires) != 2 {
		t.Fatalf("requires = %+v", r.Input.Requires)
	}
	if a := r.Input.Requires[0]; a.Name != "Az" || a.RequiredVersion != "4.5.0" || a.Line != 1 {
		t.Errorf("first = %+v", a)
	}
	if b := r.Input.Requires[1]; b.Name != "AzureRM.Profile" || b.Line != 2 {
		t.Errorf("second = %+v", b)
	}
}

func TestProfileFromScript(t *testing.T) {
	for _, tc := range []struct{ script, profile, source string }{
		{`Import-Module AzureRM -MinimumVersion 6.0.0`, ProfileAzureRM, "script"},
		{`#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }`, ProfileAz, "script"},
		{lines(`$PxTrustedAppCred = Get-Credential`, `$PxGuestAppCred = Get-Credential`), ProfileAzureRM, "script"},
		{`$PxBaseConnName = "x"`, ProfileAz, "default"},
	} {
		r := evaluate(t, tc.script)
		if r.Input.Profile != tc.profile || r.Input.ProfileSource != tc.source {
			t.Errorf("%q: profile %s (%s), want %s (%s)", tc.script, r.Input.Profile, r.Input.ProfileSource, tc.profile, tc.source)
		}
	}
}

func TestConditionalCommands(t *testing.T) {
	r := evaluate(t, lines(
		`New-AzResourceGroup -Name rg -Location westeurope`,
		`if ($x) { New-AzResourceGroup -Name rg2 -Location westeurope }`,
	))
	if command(t, r, "New-AzResourceGroup", 0).Conditional || !command(t, r, "New-AzResourceGroup", 1).Conditional {
		t.Errorf("conditional flags wrong: %+v", r.Input.Commands)
	}
}

func TestSource(t *testing.T) {
	r := evaluate(t, "$PxA = “x”\r\n# – \r\n")
	s := r.Input.Source
	if s.Encoding != "utf-8" || s.BOM || s.Newline != "crlf" || s.Lines != 2 || len(s.NonASCII) != 3 {
		t.Errorf("source = %+v", s)
	}
	if s.NonASCII[2].Lookalike != "-" || s.NonASCII[2].Line != 2 {
		t.Errorf("en dash = %+v", s.NonASCII[2])
	}
}
