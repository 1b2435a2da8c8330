# PX001 parse-error, cause first: the closing quote of $PxTeamsConnFqdn is missing. PowerShell
# lets a string run over lines, so it swallows the lines below and the error it reports comes
# later; pxlint points at the string and leaves the variables after it unverified (one error).
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
$PxTeamsConnFqdn = "teams-weu.px001q.fabrikam.net

# Conferencing Node names: one comma-separated string.
$PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"

$PxSubscriptionId = "9d1c4e2a-7b3f-4c8e-a1d6-2f5b8e0c7a43"

$PxAzureLocation = "westeurope"

$PxWinAdminUser = "pexadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"

$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-weu.px001q.fabrikam.net.pfx"

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
