# Variables of the West Europe deployment. deploy-weu.ps1 dot-sources this
# file and runs the deployment: pxlint judges the two as one deployment.

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "northwind"

# Short region tag: a-z only. Base name + region must be 3-14 characters.
$PxVmssRegion = "weu"

$PxTeamsConnFqdn = "teams-weu.northwindtraders.net"
$PxNodeFqdns = "conf01.northwindtraders.net,conf02.northwindtraders.net"

$PxSubscriptionId = "5b0e7d2c-91a4-4f3e-8c6b-d2a7e1f09b34"
$PxAzureLocation = "westeurope"

$PxWinAdminUser = "nwadmin"

$PxTeamsConnInstanceCount = "2"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-weu.northwindtraders.net.pfx"

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("185.46.212.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @("80.213.4.17", "31.45.128.0/27") + $PxMgmtSrcAddrPrefixes
