#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Pexip Teams Connector variables script saved as Windows-1252 (ANSI), no BOM.
# Maintained by Zoë Fröhlich, Netzwerkteam Frankfurt.
# Demonstrates: bytes that are not valid UTF-8 decode as Windows-1252, as Windows
# PowerShell 5.1 reads them; the location below is quoted with “typographic”
# quotes (bytes 0x93 and 0x94), which PowerShell accepts as double quotes.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "woodgrv"

# Short region tag: a-z only. Base name + region: 3-14 characters.
$PxVmssRegion = "fra"

# Teams Connector hostname (in the certificate, one per region).
$PxTeamsConnFqdn = "teams-fra.woodgrove-bank.de"

# Conferencing Node names: ONE comma-separated string, not an array.
$PxNodeFqdns = "sip1.woodgrove-bank.de,sip2.woodgrove-bank.de"

$PxSubscriptionId = "18b5d9c3-7e2a-4f61-9d04-e6a3c2b1f875"
$PxAzureLocation = “germanywestcentral”

$PxWinAdminUser = "wgbadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-fra.woodgrove-bank.de.pfx"

# Management networks (RDP and the admin-consent workstation).
$PxMgmtSrcAddrPrefixes = @("80.156.32.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "80.156.33.17",
    "80.156.33.18"
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
