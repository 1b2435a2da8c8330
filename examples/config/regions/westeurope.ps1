# .pxlint.hcl example: findings suppressed inline (PX208), waived in
# ../.pxlint.hcl (PX105, until 2026-12-31), and a stale suppression (PX010).
#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Pexip Teams Connector: variables initialization script (Az releases).
# Fill in the values below, then run create_vmss_deployment.ps1.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
# pxlint-ignore PX208 -- bot name contoso-TeamsBot is registered to our tenant (CHG-2024-118)
$PxBaseConnName = "contoso"

# Short region tag: a-z only. Base name + region must be 3-14 characters.
$PxVmssRegion = "weu"

# Hostname of the Teams Connector; must be in the certificate.
$PxTeamsConnFqdn = "teams-weu.cfg.contoso.net"

# Conferencing Node names: one comma-separated string.
$PxNodeFqdns = "conf01.contoso.net,conf02.contoso.net"

$PxSubscriptionId = "3f0c2a61-7d4e-4b8a-9c15-e2b7d4a90c11"

$PxAzureLocation = "westeurope"

$PxWinAdminUser = "pexadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"

# A newer release reads the VM size; .pxlint.hcl declares it (variable "PxVmSize").
$PxVmSize = "Standard_D4s_v5"

$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-weu.cfg.contoso.net.pfx"

# Management networks (RDP and admin consent).
# pxlint-ignore PX101 -- left behind after the address was fixed: PX010 says so
$PxMgmtSrcAddrPrefixes = @("85.10.200.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "80.0.0.0/8",
    "31.45.128.0/27"
) + $PxMgmtSrcAddrPrefixes

# CVI app credential (Register-PexTeamsCviApplicationBot creates its bot).
$PxAppCred = Get-Credential -Message "CVI app"
