[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)][string]$Profile = 'az',
    [switch]$Force
)
# typographic quotes and dashes pasted from a document
$PxBaseConnName = “fabrikam”
$PxVmssRegion = ‘weu’
New-AzResourceGroup –Name "$PxBaseConnName-RG" —Location westeurope -WhatIf:$true
$PxNodesSourceAddressPrefixes = @(
    80.213.4.17
    "31.45.128.0/27", '10.0.0.1'
)
$PxMgmtSrcAddrPrefixes = "91.90.42.64/26", `
    "91.90.42.128/26"
$PxTeamsConnInstanceCount = 2kb / 1kb
$PxHex = 0x10
$PxText = @"
Name: $PxBaseConnName
Group: $($PxBaseConnName.ToUpper())-RG `$notAVariable
"@
$PxLiteral = @'
$PxBaseConnName stays as written
'@
${Px Braced} = $env:USERNAME
$script:PxScoped += 1
. $PSScriptRoot\common.ps1
& "$PSScriptRoot\helper.ps1" -Mode:Check 2>&1 | Out-Null
switch -Regex ($PxVmssRegion) {
    '^w' { $PxWest = $true }
    default { $PxWest = $false }
}
do { $i++ } while ($i -lt 3)
for ($i = 0; $i -lt 3; $i++) { Write-Host $i }
while ($false) { break }
function Test-Px([string]$Name) { return $Name.Length -gt 0 }
try { Test-Px -Name x } catch [System.Exception], [System.IO.IOException] { throw } finally { Write-Verbose done }
$h = @{ 'Content-Type' = 'application/json'; cost-center = 4711 }
$h['Content-Type'] = [System.Text.Encoding]::UTF8.GetBytes('x').Length
Get-ChildItem | Where-Object { $_.Length -gt 1mb } | ForEach-Object { $_.Name } | Sort-Object
