# PX210 cloud-mismatch: a GCC High deployment in US Gov Arizona, but Connect-AzAccount connects to the public cloud.
#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Pexip Teams Connector: variables initialization script (Az releases).
# Fill in the values below, then run create_vmss_deployment.ps1.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "fabrikam"

# Short region tag: a-z only. Base name + region must be 3-14 characters.
$PxVmssRegion = "gov"

# Hostname of the Teams Connector; must be in the certificate.
$PxTeamsConnFqdn = "teams-gov.px210.fabrikam.net"

# Conferencing Node names: one comma-separated string.
$PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"

$PxSubscriptionId = "7a1c0b52-3e9d-4f86-a0b7-2c5d8e6f1a40"

$PxAzureLocation = "usgovarizona"

$PxWinAdminUser = "pexadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"

$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-gov.px210.fabrikam.net.pfx"

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("85.10.200.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "80.213.4.17",
    "31.45.128.0/27"
) + $PxMgmtSrcAddrPrefixes

# CVI app credential (Register-PexTeamsCviApplicationBot creates its bot).
Connect-AzAccount
$PxAppCred = Get-Credential -Message "CVI app"
