# PowerShell 7 operators in a helper script.
param($Path, $Fallback)

$exe = $IsWindows ? 'az.cmd' : 'az'
$name = $env:PX_NAME ?? 'teams'
$Fallback ??= 'westeurope'
$first = ${Path}?[0]
$len = ${name}?.Length
$ok? = Test-Path $Path

Get-ChildItem $Path && Write-Host 'listed' || Write-Warning 'nothing'
$job = Start-Sleep -Seconds 1 &
$mode = $ok? ? 'exists' : ($Fallback ? 'fallback' : 'none')
$n = $len -gt 3 ? $len : 3
