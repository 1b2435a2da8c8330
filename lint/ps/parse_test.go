package ps

import (
	"strings"
	"testing"
)

// parseText parses text and renders its statements as S-expressions joined by " ; ".
func parseText(t *testing.T, text string) (*File, string) {
	t.Helper()
	src := NewSource(text)
	f := Parse(src, DefaultLimits())
	checkRoundTrip(t, src, f.Tokens)
	checkSpans(t, src, f)
	parts := make([]string, 0, len(f.Statements))
	for _, s := range f.Statements {
		parts = append(parts, Sexpr(s))
	}
	return f, strings.Join(parts, " ; ")
}

func checkRoundTrip(t *testing.T, src *Source, toks []Token) {
	t.Helper()
	var b strings.Builder
	for i, tok := range toks {
		if tok.Text == "" {
			t.Fatalf("token %d (%s) is empty", i, tok.Kind)
		}
		if got := src.Slice(tok.Span); got != tok.Text {
			t.Fatalf("token %d (%s) span %v slices %q, text %q", i, tok.Kind, tok.Span, got, tok.Text)
		}
		b.WriteString(tok.Text)
	}
	if b.String() != src.Text {
		t.Fatalf("tokens do not reproduce the text:\n got %q\nwant %q", b.String(), src.Text)
	}
}

func checkSpans(t *testing.T, src *Source, f *File) {
	t.Helper()
	whole := Span{src.Pos(0), src.Pos(src.Len())}
	for _, d := range f.Diagnostics {
		if !whole.Contains(d.Span) || d.Span.End.Offset < d.Span.Start.Offset {
			t.Fatalf("diagnostic %q span %v outside the text %v", d.Message, d.Span, whole)
		}
	}
	for _, s := range f.Statements {
		if sp := s.NodeSpan(); !whole.Contains(sp) || sp.End.Offset < sp.Start.Offset {
			t.Fatalf("statement %s span %v outside the text", Sexpr(s), sp)
		}
	}
}

func TestParseConstructs(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"assign string", `$PxBaseConnName = "fabrikam"`, `(assign = $PxBaseConnName (str double "fabrikam"))`},
		{"assign single", `$x = 'it''s'`, `(assign = $x (str single "it's"))`},
		{"assign append", `$a += @("x")`, `(assign += $a (@ (str double "x")))`},
		{"assign minus", `$n -= 1`, `(assign -= $n 1)`},
		{"scoped", `$script:PxA = $global:B`, `(assign = $script:PxA $global:B)`},
		{"env", `$env:PSModulePath = 'x'`, `(assign = $env:PSModulePath (str single "x"))`},
		{"braced", `${Px Name} = 1`, `(assign = $Px Name 1)`},
		{"specials", `$_; $$; $?; $^`, `$_ ; $$ ; $? ; $^`},
		{"bools", `$a = $TRUE, $false, $Null`, `(assign = $a (, $TRUE $false $Null))`},
		{"array newline", "$a = @(\n  \"80.213.4.17\",\n  \"31.45.128.0/27\"\n) + $PxMgmt",
			`(assign = $a (+ (@ (, (str double "80.213.4.17") (str double "31.45.128.0/27"))) $PxMgmt))`},
		{"array newline-separated", "$a = @(\n 'x'\n 'y'\n)", `(assign = $a (@ (str single "x") (str single "y")))`},
		{"comma list", `$a = "a", "b",` + "\n  \"c\"", `(assign = $a (, (str double "a") (str double "b") (str double "c")))`},
		{"bare ipv4", `$a = @(80.213.4.17)`, `(assign = $a (@ (. (. 80.213 4) 17)))`},
		{"hex and multiplier", `$a = 0x1F + 1kb + 2.5e3 + 10L`, `(assign = $a (+ (+ (+ 31 1024) 2500) 10))`},
		{"range", `1..5`, `(.. 1 5)`},
		{"hashtable", `$h = @{ ModuleName = "Az"; RequiredVersion = '4.5.0'` + "\n Other = 1 }",
			`(assign = $h (hash (= ModuleName (str double "Az")) (= RequiredVersion (str single "4.5.0")) (= Other 1)))`},
		{"paren member", `(Get-Culture).Name -ne 'en-US'`, `(-ne (. (paren (cmd Get-Culture)) Name) (str single "en-US"))`},
		{"static member", `[System.IO.Path]::GetFileName($p)`, `(::call [System.IO.Path] GetFileName $p)`},
		{"method", `$s.Split(',', 2)`, `(.call $s Split (str single ",") 2)`},
		{"index", `$a[0].Length`, `(. (index $a 0) Length)`},
		{"cast", `[int]$x + [string] "a"`, `(+ (cast [int] $x) (cast [string] (str double "a")))`},
		{"unary", `-not $a -and !$b`, `(-and (-not $a) (! $b))`},
		{"format", `"{0}-{1}" -f $a, $b`, `(-f (str double "{0}-{1}") (, $a $b))`},
		{"join", `$a -join ","`, `(-join $a (str double ","))`},
		{"case variants", `$a -ceq 'x' -or $a -INE 'y'`, `(-or (-ceq $a (str single "x")) (-ine $a (str single "y")))`},
		{"typographic dash op", "$a –ne 'x'", `(-ne $a (str single "x"))`},
		{"precedence", `1 + 2 * 3 -eq 7`, `(-eq (+ 1 (* 2 3)) 7)`},
		{"sub-expression", `$(Get-Date)`, `($ (cmd Get-Date))`},
		{"expandable", `"$($PxBase)-RG $x ${y} $env:Z"`,
			`(xstr double ($ $PxBase) "-RG " $x " " $y " " $env:Z)`},
		{"expandable escapes", "\"a`tb`\"c\"\"d $ e\"", `(str double "a\tb\"c\"d $ e")`},
		{"here-string", "$h = @\"\nline $x\n\"@", `(assign = $h (xstr here-double "line " $x))`},
		{"here-single", "$h = @'\nit's $x\n'@", `(assign = $h (str here-single "it's $x"))`},
		{"typographic quotes", "$a = “x” + ‘y’", `(assign = $a (+ (str double "x") (str single "y")))`},
		{"command", `Install-Module -Name Az -RequiredVersion 4.5.0 -Force`, `(cmd Install-Module -Name Az -RequiredVersion 4.5.0 -Force)`},
		{"command colon param", `Set-Culture -CultureInfo:en-US -Verbose:$false`, `(cmd Set-Culture (param -CultureInfo: en-US) (param -Verbose: $false))`},
		{"command mode words", `Write-Host 1.2.3.4 en-US 10.0.0.0/24 42`, `(cmd Write-Host 1.2.3.4 en-US 10.0.0.0/24 42)`},
		{"command typographic param", "New-AzResourceGroup –Name x", `(cmd New-AzResourceGroup -Name x)`},
		{"command args", `Write-Host "a" $b.c (1+2) @(1) a,b @splat`, `(cmd Write-Host (str double "a") (. $b c) (paren (+ 1 2)) (@ 1) (, a b) @splat)`},
		{"dot-source", `. .\vars.ps1`, `(dot .\vars.ps1)`},
		{"script path", `.\create_vmss_deployment.ps1 -SubscriptionId $s`, `(cmd .\create_vmss_deployment.ps1 -SubscriptionId $s)`},
		{"call operator", `& $cmd -X 1`, `(call $cmd -X 1)`},
		{"call string", `& "C:\Program Files\x.exe" /q`, `(call (str double "C:\\Program Files\\x.exe") /q)`},
		{"pipeline", `Get-Item x | Where-Object { $_.Name } | % { $_ }`,
			`(pipe (cmd Get-Item x) (cmd Where-Object (sb (. $_ Name))) (cmd % (sb $_)))`},
		{"expression pipeline", `$list | Out-File x.txt`, `(pipe $list (cmd Out-File x.txt))`},
		{"redirection", `Get-Item x 2>&1 > out.txt`, `(cmd Get-Item x (redir 2>&1) (redir > out.txt))`},
		{"assign command", `$c = Get-Credential -Message "x"`, `(assign = $c (cmd Get-Credential -Message (str double "x")))`},
		{"continuation", "Write-Host `\n  -Object x", `(cmd Write-Host -Object x)`},
		{"if elseif else", "if ($a) { 1 }\nelseif ($b) { 2 } else { 3 }",
			`(if (if $a (block 1)) (elseif $b (block 2)) (block 3))`},
		{"if then statement", "if ($a) { 1 }\n$b = 2", `(if (if $a (block 1))) ; (assign = $b 2)`},
		{"culture guard", "if ((Get-Culture).Name -ne 'en-US') {\n throw \"x\"\n}",
			`(if (if (-ne (. (paren (cmd Get-Culture)) Name) (str single "en-US")) (block (throw (str double "x")))))`},
		{"foreach", `foreach ($p in $PxList) { Write-Host $p }`, `(foreach $p $PxList (block (cmd Write-Host $p)))`},
		{"for", `for ($i = 0; $i -lt 3; $i++) { }`, `(for (assign = $i 0) (-lt $i 3) (post++ $i) (block))`},
		{"while", `while ($true) { break }`, `(while $true (block (break)))`},
		{"do until", `do { $i++ } until ($i -gt 3)`, `(do-until (block (post++ $i)) (-gt $i 3))`},
		{"switch", "switch ($x) {\n 'a' { 1 }\n default { 2 }\n}", `(switch $x (case (str single "a") (block 1)) (block 2))`},
		{"try", "try { Connect-AzAccount } catch [System.Exception] { exit 1 } finally { }",
			`(try (block (cmd Connect-AzAccount)) (catch [System.Exception] (block (exit 1))) (block))`},
		{"function", "function Get-X($a, [int]$b = 2) {\n param()\n return $a\n}",
			`(function Get-X (param $a) (param [int] $b 2) (sb (params) (return $a)))`},
		{"function named blocks", "function f { begin { 1 } process { $_ } }", `(function f (sb (begin (block 1)) (process (block $_))))`},
		{"script param block", "[CmdletBinding()]\nparam([string]$Name = 'x')\n$Name", `$Name`},
		{"scriptblock value", `$sb = { param($x) $x * 2 }`, `(assign = $sb (sb (params (param $x)) (* $x 2)))`},
		{"exit code", `exit 1`, `(exit 1)`},
		{"return empty", `return`, `(return)`},
		{"chain", `git status && echo ok`, `(chain && (cmd git status) (cmd echo ok))`},
		{"comments", "# c\n$a = 1 # trailing\n<# block\n #>\n$b = 2", `(assign = $a 1) ; (assign = $b 2)`},
		{"semicolons", `$a = 1; $b = 2;`, `(assign = $a 1) ; (assign = $b 2)`},
		{"nested strings", `"a $("b $("c")")"`, `(xstr double "a " ($ (xstr double "b " ($ (str double "c")))))`},
		{"unicode escape", "\"`u{2013}\"", `(str double "–")`},
		{"negative number arg", `Set-X -Count -5`, `(cmd Set-X -Count -5)`},
		{"member numeric chain", `$v = 1.2.3.4`, `(assign = $v (. (. 1.2 3) 4))`},
		{"null conditional-free member", `$x.Name.Length`, `(. (. $x Name) Length)`},
		{"keyword-like command", `ForEach-Object { $_ }`, `(cmd ForEach-Object (sb $_))`},
		{"splat", `New-AzVM @params`, `(cmd New-AzVM @params)`},
		{"cast assign", `[string]$x = 5`, `(assign = (cast [string] $x) 5)`},
		{"index assign", `$h['a'] = 1`, `(assign = (index $h (str single "a")) 1)`},
		{"using statement as command", `using namespace System`, `(cmd using namespace System)`},
		{"array type", `[string[]]$a = @()`, `(assign = (cast [string[]] $a) (@))`},
		{"script root argument", `. $PSScriptRoot\common.ps1`, `(dot (xstr bare $PSScriptRoot "\\common.ps1"))`},
		{"variable inside bare word", `& .\$name.ps1 -X`, `(call (xstr bare ".\\" $name ".ps1") -X)`},
		{"dashed hashtable key", `@{ cost-center = 1; 'a b' = 2 }`, `(hash (= cost-center 1) (= (str single "a b") 2))`},
		{"expression redirection", `$PxA > out.txt`, `(expr $PxA (redir > out.txt))`},
		{"generic type", `[System.Collections.Generic.List[string]]::new()`, `(::call [System.Collections.Generic.List[string]] new)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, got := parseText(t, tc.in)
			if got != tc.want {
				t.Errorf("parse %q\n got %s\nwant %s", tc.in, got, tc.want)
			}
			for _, d := range f.Diagnostics {
				t.Errorf("unexpected diagnostic %s %v: %s", d.Rule, d.Span, d.Message)
			}
		})
	}
}

// TestTokenStreamsReused: parses share their token streams (tokenStreams);
// each file keeps tokens of its own, which still re-concatenate to its text
// after later parses reused the stream.
func TestTokenStreamsReused(t *testing.T) {
	texts := []string{
		"$PxBaseConnName = \"fabrikam\"\n$PxNodesSourceAddressPrefixes = @(\"80.213.4.17\", \"31.45.128.0/27\")\n# done\n",
		"$a = 1\n",
		"if ($PxVmssRegion -eq 'weu') { $PxAzureLocation = 'westeurope' } else { throw 'no' }\n",
	}
	var files []*File
	for range 3 {
		for _, text := range texts {
			files = append(files, Parse(NewSource(text), DefaultLimits()))
		}
	}
	for i, f := range files {
		var b strings.Builder
		for _, tok := range f.Tokens {
			b.WriteString(tok.Text)
		}
		if want := texts[i%len(texts)]; b.String() != want {
			t.Errorf("file %d: tokens re-concatenate to %q, want %q", i, b.String(), want)
		}
	}
}
