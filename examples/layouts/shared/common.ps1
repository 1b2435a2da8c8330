#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Settings shared by every regional deployment of this tenant. weu.ps1 and
# neu.ps1 dot-source this file: pxlint judges it as part of each of them,
# and on its own only for its syntax, secrets and values.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

$PxBaseConnName = "tailspin"
$PxSubscriptionId = "c4e81f3a-2d65-4b97-a0e2-7f19d3b56c08"

$PxWinAdminUser = "tsadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"
$PxAppCred = Get-Credential -Message "CVI app"

$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("194.60.85.0/28")
