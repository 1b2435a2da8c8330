# Pexip Teams Connector: variables initialization script (AzureRM era, around v21).
Import-Module AzureRM -MinimumVersion 6.0.0

$PxBaseConnName = "tailspin"
$PxVmssRegion = "neu"
$PxTeamsConnFqdn = "teamsconn-neu.tailspin.org"
$PxNodeFqdns = "edge1.tailspin.org,edge2.tailspin.org"
$PxSubscriptionId = "9b1e4d7c-2a3f-4e5b-8c6d-0f1a2b3c4d5e"
$PxAzureLocation = "northeurope"
$PxWinAdminUser = "pxvmadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "VM administrator"
$PxTeamsConnInstanceCount = "3"
$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $false
$PxPfxCertFileName = "teamsconn-neu.pfx"
$PxMgmtSrcAddrPrefixes = @("85.10.200.0/28")
$PxNodesSourceAddressPrefixes = @("85.10.201.16", "85.10.201.17") + $PxMgmtSrcAddrPrefixes

# Trusted and Guest apps (two bots in this release).
$PxTrustedAppCred = Get-Credential -Message "Trusted app"
$PxGuestAppCred = Get-Credential -Message "Guest app"

.\create_vmss_deployment.ps1 -SubscriptionId $PxSubscriptionId -ResourceGroupName $PxTeamsConnResourceGroupName `
    -VmssName "$($PxBaseConnName)$($PxVmssRegion)" -VMAdminCredential $PxWinAdminCred `
    -PfxPath $PxPfxCertFileName -TeamsConnectorFqdn $PxTeamsConnFqdn -PexipFqdns $PxNodeFqdns `
    -instanceCount $PxTeamsConnInstanceCount -StaticResourcesResourceGroupName $PxTeamsConnStaticResourceGroupName `
    -PublicIPAddressResourceName "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-PIP" `
    -IncidentReporting $PxTeamsConnIncidentReporting -Encryption $PxTeamsConnDiskEncryption `
    -RdpSourceAddressPrefixes $PxMgmtSrcAddrPrefixes -PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes `
    -TrustedAppCredential $PxTrustedAppCred -GuestAppCredential $PxGuestAppCred
