#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Pexip Teams Connector variables script saved as UTF-8 WITHOUT a byte-order
# mark, with characters pasted from a document: the location is quoted with
# “typographic” quotes and this comment has an en dash – PowerShell 7 reads the
# file as intended, but Windows PowerShell 5.1 reads it as Windows-1252 and the
# quotes turn into other characters. Demonstrates: PX009 (encoding-risk).

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "wingtip"

# Short region tag: a-z only. Base name + region: 3-14 characters.
$PxVmssRegion = "syd"

# Teams Connector hostname (in the certificate, one per region).
$PxTeamsConnFqdn = "teams-syd.wingtiptoys.com.au"

# Conferencing Node names: ONE comma-separated string, not an array.
$PxNodeFqdns = "vc1.wingtiptoys.com.au,vc2.wingtiptoys.com.au"

$PxSubscriptionId = "a9f3c6e1-2b8d-4e57-8c1a-5d7b0e4f9a23"
$PxAzureLocation = “australiaeast”

$PxWinAdminUser = "wtvmadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-syd.wingtiptoys.com.au.pfx"

# Management networks (RDP and the admin-consent workstation).
$PxMgmtSrcAddrPrefixes = @("110.174.64.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "110.174.65.9",
    "144.132.48.0/29"
) + $PxMgmtSrcAddrPrefixes

# CVI app credential.
$PxAppCred = Get-Credential -Message "CVI app"

.\create_vmss_deployment.ps1 -SubscriptionId $PxSubscriptionId -ResourceGroupName $PxTeamsConnResourceGroupName `
    -VmssName "$($PxBaseConnName)$($PxVmssRegion)" -VMAdminCredential $PxWinAdminCred `
    -PfxPath $PxPfxCertFileName -TeamsConnectorFqdn $PxTeamsConnFqdn -PexipFqdns $PxNodeFqdns `
    -instanceCount $PxTeamsConnInstanceCount -StaticResourcesResourceGroupName $PxTeamsConnStaticResourceGroupName `
    -PublicIPAddressResourceName "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-PIP" `
    -IncidentReporting $PxTeamsConnIncidentReporting -Encryption $PxTeamsConnDiskEncryption `
    -RdpSourceAddressPrefixes $PxMgmtSrcAddrPrefixes -PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes `
    -AppCredential $PxAppCred
