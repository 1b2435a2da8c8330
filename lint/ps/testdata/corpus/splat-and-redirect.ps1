$params = @{
    Name              = 'rg-teams'
    Location          = 'westeurope'
    Tag               = @{ 'cost-center' = 'it'; owner = "ops@example.com" }
}
New-AzResourceGroup @params -Force 2>&1 | Out-Null
$x = 1
$x++ *>&1
Get-Item missing 2> $null
Get-Process *> all.log
Write-Output 'a' >> log.txt
$list = @(
    'one',
    'two'
)
$joined = $list -join ', '
$parts = 'a,b' -split ','
$fmt = '{0}-{1}' -f 'a', 'b'
[string[]]$typed = 'x', 'y'
($first, $second) = $list
$first, $second = $second, $first
