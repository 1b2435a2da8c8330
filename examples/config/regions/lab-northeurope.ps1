# .pxlint.hcl example, lab script: PX105 reported as info only (a rule block
# scoped to lab-*.ps1) and PX208 waived for $PxBaseConnName.
#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Pexip Teams Connector: variables initialization script (Az releases).
# Fill in the values below, then run create_vmss_deployment.ps1.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "acme"

# Short region tag: a-z only. Base name + region must be 3-14 characters.
$PxVmssRegion = "neu"

# Hostname of the Teams Connector; must be in the certificate.
$PxTeamsConnFqdn = "teams-neu.cfg-lab.acme.net"

# Conferencing Node names: one comma-separated string.
$PxNodeFqdns = "conf01.acme.net,conf02.acme.net"

$PxSubscriptionId = "b7e1d3c9-2a55-4f60-8e2d-6c1f0a9b4d27"

$PxAzureLocation = "northeurope"

$PxWinAdminUser = "pexadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"

$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-neu.cfg-lab.acme.net.pfx"

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("85.10.200.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "80.0.0.0/8",
    "31.45.128.0/27"
) + $PxMgmtSrcAddrPrefixes

# CVI app credential (Register-PexTeamsCviApplicationBot creates its bot).
$PxAppCred = Get-Credential -Message "CVI app"
