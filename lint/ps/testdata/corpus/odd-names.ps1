${Program Files} = ${env:ProgramFiles(x86)}
${a`u{2195}b} = 'arrow'
${C:\temp\out.txt} = 'written by the FileSystem provider'
${
  multi line
} = 1
$script:count = 0
$global:Px = $true
7z a archive.zip *.log
555Write-Host "$name"
-Verbose $false
Write-Output `u{a9}` Acme` Inc
function xyzzy`u{2195}($p) { $p }
$d = 20.
$h = 0x07FFFFFFFFFFFFFFFF
$e = 1e3; $k = 1kb; $l = 10L; $u = 0xFFu
