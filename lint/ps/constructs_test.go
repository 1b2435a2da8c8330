package ps

import "testing"

// TestParseRealWorldConstructs: valid PowerShell that pxlint once
// reported as PX001 (found by parsing public script collections); each
// must parse without a diagnostic and into the tree shown.
func TestParseRealWorldConstructs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"script named blocks", "begin { $a = 1 }\nprocess { $_ }\nend { $b = 2 }", `(block (assign = $a 1)) ; (block $_) ; (block (assign = $b 2))`},
		{"script clean block", "param($x)\nbegin { }\nclean { Remove-Item $x }", `(block) ; (block (cmd Remove-Item $x))`},
		{"dynamicparam block", `function f { [CmdletBinding()] param() dynamicparam { $null } end { } }`, `(function f (sb (params) (dynamicparam (block $null)) (end (block))))`},
		{"attribute across lines", "[CmdletBinding(SupportsShouldProcess = $true,\n    ConfirmImpact = 'Medium')]\nparam(\n  [Parameter(Mandatory = $true,\n      Position = 0)]\n  [string]$Name\n)\n$Name", `$Name`},
		{"attribute with comment inside", "param(\n  [ValidateSet('a', # first\n    'b')]\n  $x\n)", ""},
		{"attribute on its own line", "[SuppressMessage('PSUseDeclaredVars', '')]\n$x = @(1)", `(assign = (cast [SuppressMessage('PSUseDeclaredVars', '')] $x) (@ 1))`},
		{"param after using", "using namespace System.Text\n[CmdletBinding()]\nparam()\n$a = 1", `(cmd using namespace System.Text) ; (assign = $a 1)`},
		{"try finally", `try { $a = 1 } finally { $b = 2 }`, `(try (block (assign = $a 1)) (block (assign = $b 2)))`},
		{"catch types across lines", "try { }\ncatch\n[System.IO.IOException],\n[System.Exception]\n{ }", `(try (block) (catch [System.IO.IOException] [System.Exception] (block)))`},
		{"class", "class Node : Base, IComparable {\n  [string] $Name = 'x'\n  hidden static [int] $Count\n  Node([string]$n) : base($n) { $this.Name = $n }\n  [string] ToString() { return $this.Name }\n  static [Node] Parse([string]$s) { return [Node]::new($s) }\n}", `(class Node :Base :IComparable (prop Name [string] (str single "x")) (prop hidden static Count [int]) (method Node (param [string] $n) (sb (assign = (. $this Name) $n))) (method ToString [string] (sb (return (. $this Name)))) (method static Parse [Node] (param [string] $s) (sb (return (::call [Node] new $s)))))`},
		{"attributed class", "[DscResource()]\nclass Res { [DscProperty(Key)] [string]$Key\n [void] Set() { } }", `(class Res (prop Key [DscProperty(Key)] [string]) (method Set [void] (sb)))`},
		{"class on one line", `[Cmdlet("Get", "Thing")]class C{}`, `(class C)`},
		{"enum", "[Flags()] enum Color : byte {\n  Red = 1\n  Green = 2; Blue\n}", `(enum Color :byte (prop Red 1) (prop Green 2) (prop Blue))`},
		{"command starting with a digit", `7z a out.zip *.txt`, `(cmd 7z a out.zip *.txt)`},
		{"braced variable with escapes", "${a`u{2195}b} = 1; ${C:\\temp\\x.txt} = 2", `(assign = $a↕b 1) ; (assign = $C:\temp\x.txt 2)`},
		{"braced variable across lines", "${\n  odd name\n} = 3", "(assign = $\n  odd name\n 3)"},
		{"variable name with question mark", `$ok? = $true`, `(assign = $ok? $true)`},
		{"ternary", `$v = $IsWindows ? 'a.exe' : 'a'`, `(assign = $v (?: $IsWindows (str single "a.exe") (str single "a")))`},
		{"nested ternary", `$v = $a ? $b ? 1 : 2 : 3`, `(assign = $v (?: $a (?: $b 1 2) 3))`},
		{"null-conditional", `${x}?.Name; ${x}?[0]; $y = $z ?? 'd'`, `(. $x Name) ; (index $x 0) ; (assign = $y (?? $z (str single "d")))`},
		{"null-coalescing assignment", `$x ??= 'default'`, `(assign ??= $x (str single "default"))`},
		{"method with script block", `$list.ForEach{ $_ * 2 }.Where{ $_ -gt 2 }`, `(.call (.call $list ForEach (sb (* $_ 2))) Where (sb (-gt $_ 2)))`},
		{"method chain across lines", "$ps.AddCommand('Get-Item').\n  AddParameter('Path', 'x').\n  Invoke()", `(.call (.call (.call $ps AddCommand (str single "Get-Item")) AddParameter (str single "Path") (str single "x")) Invoke)`},
		{"member after space", `$results. Count`, `(. $results Count)`},
		{"script block member", `$o.{.ctor}`, `(. $o (sb (cmd .ctor)))`},
		{"cast of script block", `$f = [Func[int, int]] { param($x) $x + 1 }`, `(assign = $f (cast [Func[int, int]] (sb (params (param $x)) (+ $x 1))))`},
		{"generic method", `[array]::Empty[int]()`, `(::call [array] Empty)`},
		{"labelled loop", `:outer foreach ($a in 1..3) { foreach ($b in 1..3) { break outer } }`, `(foreach $a (.. 1 3) (block (foreach $b (.. 1 3) (block (break outer)))))`},
		{"label on its own line", ":outer\nwhile ($true) { break outer }", `(while $true (block (break outer)))`},
		{"trap", "trap [System.Exception] { continue }\n$a = 1", `(trap [System.Exception] (block (continue))) ; (assign = $a 1)`},
		{"data section", "$msgs = data -SupportedCommand ConvertFrom-StringData {\n  ConvertFrom-StringData 'a = b'\n}", `(assign = $msgs (data (block (cmd ConvertFrom-StringData (str single "a = b")))))`},
		{"background job", `Start-Sleep 10 &`, `(cmd Start-Sleep 10)`},
		{"redirect all streams", `$x++ *>&1`, `(expr (post++ $x) (redir *>&1))`},
		{"keyword out of place", `else { }`, `(cmd else (sb))`},
		{"trailing-dot number", `$d = 20.`, `(assign = $d 20)`},
		{"big hex literal", `$h = 0x07FFFFFFFFFFFFFFFF`, `(assign = $h 1.4757395258967641e+20)`},
		{"parenthesized targets", `($a, $b) = 1, 2`, `(assign = (paren (, $a $b)) (, 1 2))`},
		{"multiple assignment", `$a, $b = Get-Pair`, `(assign = (, $a $b) (cmd Get-Pair))`},
		{"dash word alone", `-Guid $g`, `(cmd -Guid $g)`},
		{"finally with loop break", `try { } finally { foreach ($a in 1) { break } }`, `(try (block) (block (foreach $a 1 (block (break)))))`},
		{"unicode escapes", "\"`u{2195} `u{10FFFF} `u{0}\"", `(str double "↕ \U0010ffff \x00")`},
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
