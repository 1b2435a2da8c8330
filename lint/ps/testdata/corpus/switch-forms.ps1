switch -Wildcard -CaseSensitive ($env:COMPUTERNAME) {
    'PX-*' { 'pexip' }
    { $_.Length -gt 10 } { 'long' }
    default { 'other' }
}
switch -File .\list.txt { 'a' { break } }
$r = switch (1, 2) { 1 { 'one' } 2 { 'two' } }
