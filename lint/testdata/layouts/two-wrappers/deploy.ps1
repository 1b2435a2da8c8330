#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Deploy wrapper: reads the region's variables, asks for the credentials,
# and runs the deployment (takes 30+ minutes).

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

. "$PSScriptRoot\variables.ps1"

$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"
$PxAppCred = Get-Credential -Message "CVI app"

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
