# PX001 parse-error: a typographic apostrophe (pasted from a document) ends a single-quoted
# string early, because PowerShell reads typographic quotes as quotes too. Saved with a BOM,
# so Windows PowerShell 5.1 reads the apostrophe as such.
#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Pexip Teams Connector: variables initialization script (Az releases).
# Fill in the values below, then run create_vmss_deployment.ps1.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "fabrikam"

# Short region tag: a-z only. Base name + region must be 3-14 characters.
$PxVmssRegion = "weu"

# Hostname of the Teams Connector; must be in the certificate.
$PxTeamsConnFqdn = "teams-weu.px001t.fabrikam.net"

# Conferencing Node names: one comma-separated string.
$PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"

$PxSubscriptionId = "2b7e9f14-6c3d-4a58-b9e2-7d1f0a6c8e35"

$PxAzureLocation = "westeurope"

$PxWinAdminUser = 'pex’admin'
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"

$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-weu.px001t.fabrikam.net.pfx"

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("85.10.200.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "80.213.4.17",
    "31.45.128.0/27"
) + $PxMgmtSrcAddrPrefixes

# CVI app credential (Register-PexTeamsCviApplicationBot creates its bot).
$PxAppCred = Get-Credential -Message "CVI app"

Write-Host "Variables set for $($PxBaseConnName)$($PxVmssRegion). Now run create_vmss_deployment.ps1."
