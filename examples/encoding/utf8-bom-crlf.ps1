#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Pexip Teams Connector variables script, saved by Windows tools as UTF-8 with a
# byte-order mark and CRLF line endings (the common case on the deployment
# workstation). Demonstrates: BOM and CRLF decoding, clean values.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "northwnd"

# Short region tag: a-z only. Base name + region: 3-14 characters.
$PxVmssRegion = "use"

# Teams Connector hostname (in the certificate, one per region).
$PxTeamsConnFqdn = "teams-use.northwind-traders.com"

# Conferencing Node names: ONE comma-separated string, not an array.
$PxNodeFqdns = "conf1.northwind-traders.com,conf2.northwind-traders.com"

$PxSubscriptionId = "6d0a2f4e-91c3-4b7a-a5e8-3c1f9b2d7e40"
$PxAzureLocation = "eastus"

$PxWinAdminUser = "pxnwadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-use.northwind-traders.com.pfx"

# Management networks (RDP and the admin-consent workstation).
$PxMgmtSrcAddrPrefixes = @("62.210.116.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "62.210.117.21",
    "185.44.96.0/28"
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
