# The westeurope deployment: common.ps1 holds what every region shares.
. "$PSScriptRoot\common.ps1"

$PxVmssRegion = "weu"
$PxAzureLocation = "westeurope"

$PxTeamsConnFqdn = "teams-weu.tailspintoys.net"
$PxNodeFqdns = "conf-weu-01.tailspintoys.net,conf-weu-02.tailspintoys.net"
$PxTeamsConnInstanceCount = "2"

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-weu.tailspintoys.net.pfx"

# This region's Conferencing Nodes, plus the management networks.
$PxNodesSourceAddressPrefixes = @("62.210.116.0/28") + $PxMgmtSrcAddrPrefixes

.\create_vmss_deployment.ps1 `
    -SubscriptionId $PxSubscriptionId `
    -ResourceGroupName $PxTeamsConnResourceGroupName `
    -VmssName "$($PxBaseConnName)$($PxVmssRegion)" `
    -VMAdminCredential $PxWinAdminCred `
    -PfxPath $PxPfxCertFileName `
    -TeamsConnectorFqdn $PxTeamsConnFqdn `
    -PexipFqdns $PxNodeFqdns `
    -instanceCount $PxTeamsConnInstanceCount `
    -StaticResourcesResourceGroupName $PxTeamsConnStaticResourceGroupName `
    -PublicIPAddressResourceName "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-PIP" `
    -IncidentReporting $PxTeamsConnIncidentReporting `
    -Encryption $PxTeamsConnDiskEncryption `
    -RdpSourceAddressPrefixes $PxMgmtSrcAddrPrefixes `
    -PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes `
    -AppCredential $PxAppCred
