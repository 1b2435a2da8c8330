# The northeurope deployment: common.ps1 holds what every region shares.
. "$PSScriptRoot\common.ps1"

$PxVmssRegion = "neu"
$PxAzureLocation = "northeurope"

$PxTeamsConnFqdn = "teams-neu.tailspintoys.net"
$PxNodeFqdns = "conf-neu-01.tailspintoys.net,conf-neu-02.tailspintoys.net"
$PxTeamsConnInstanceCount = "2"

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-neu.tailspintoys.net.pfx"

# This region's Conferencing Nodes, plus the management networks.
$PxNodesSourceAddressPrefixes = @("51.15.180.0/28") + $PxMgmtSrcAddrPrefixes

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
