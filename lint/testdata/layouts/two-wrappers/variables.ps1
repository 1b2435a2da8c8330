# Variables of the West Europe deployment. deploy-weu.ps1 dot-sources this
# file and runs the deployment: pxlint judges the two as one deployment.

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "wingtip"

# Short region tag: a-z only. Base name + region must be 3-14 characters.
$PxVmssRegion = "weu"

$PxTeamsConnFqdn = "teams-weu.contosoeutraders.net"
$PxNodeFqdns = "conf01.contosoeutraders.net,conf02.wingtipdeploy.net"

$PxSubscriptionId = "0d9a3c17-6e2b-4f85-b1c4-98e7a5d2f631"
$PxAzureLocation = "westeurope"

$PxWinAdminUser = "nwadmin"

$PxTeamsConnInstanceCount = "2"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-weu.contosoeutraders.net.pfx"

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("185.46.212.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @("80.213.4.17", "31.45.128.0/27") + $PxMgmtSrcAddrPrefixes
