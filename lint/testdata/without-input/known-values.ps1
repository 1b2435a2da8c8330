# Known values, but no certificate file, no facts, no inventory, no
# Connect-AzAccount and no deployment call: the rules that need those are
# not verified.
$PxBaseConnName = "nvfab"

# Short region tag: a-z only. Base name + region must be 3-14 characters.
$PxVmssRegion = "weu"

# Hostname of the Teams Connector; must be in the certificate.
$PxTeamsConnFqdn = "teams-weu.fabrikam-nv.net"

# Conferencing Node names: one comma-separated string.
$PxNodeFqdns = "conf01.fabrikam-nv.net,conf02.fabrikam-nv.net"

$PxSubscriptionId = "2e8d4b6a-1c3f-4a57-9b20-6d7e8f9a0b1c"
$PxAzureLocation = "westeurope"

$PxWinAdminUser = "pexadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-weu.fabrikam-nv.net.pfx"

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("91.90.42.64/26")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "80.213.4.17",
    "31.45.128.0/27"
) + $PxMgmtSrcAddrPrefixes

# CVI app credential (Register-PexTeamsCviApplicationBot creates its bot).
$PxAppCred = Get-Credential -Message "CVI app"
