. "$PSScriptRoot\a.ps1"
$PxVmssRegion = "weu"
