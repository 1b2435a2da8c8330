#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Settings shared by every regional deployment of this tenant. weu.ps1 and
# neu.ps1 dot-source this file: pxlint judges it as part of each of them,
# and on its own only for its syntax, secrets and values.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

$PxBaseConnName = "adatum"
$PxSubscriptionId = "9e2b7c41-0a3d-4c58-b6f2-1d8e4a7c3b90"

$PxWinAdminUser = "tsadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"
$PxAppCred = Get-Credential -Message "CVI app"

$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("91.90.42.96/26")
$PxWinAdminPassword = "Winter2026!Secure"
