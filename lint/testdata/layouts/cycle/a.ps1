# a.ps1 and b.ps1 dot-source each other: a cycle, not a layout.
. "$PSScriptRoot\b.ps1"
$PxBaseConnName = "cyclea"
