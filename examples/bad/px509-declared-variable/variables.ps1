# PX509 declared-variable: $PxVmSize is declared in .pxlint.hcl with the pattern ^Standard_..., but holds "D4s_v5".
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
$PxTeamsConnFqdn = "teams-weu.px509.fabrikam.net"

# Conferencing Node names: one comma-separated string.
$PxNodeFqdns = "conf01.fabrikam.net,conf02.fabrikam.net"

$PxSubscriptionId = "1f6b3d28-9c4e-4a07-8e52-b7d0a3c6e915"

$PxAzureLocation = "westeurope"

$PxWinAdminUser = "pexadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"

# The VM size, read by newer releases.
$PxVmSize = "D4s_v5"

$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-weu.px509.fabrikam.net.pfx"

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("85.10.200.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "80.213.4.17",
    "31.45.128.0/27"
) + $PxMgmtSrcAddrPrefixes

# CVI app credential (Register-PexTeamsCviApplicationBot creates its bot).
$PxAppCred = Get-Credential -Message "CVI app"
