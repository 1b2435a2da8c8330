#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
# Certificates example: $PxPfxCertFileName names teams-good.pfx beside this script; .pxlint.hcl
# here trusts the example root CA. See README.md for one PFX per certificate problem.
# Fill in the values below, then run create_vmss_deployment.ps1.

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "fabcert"

# Short region tag: a-z only. Base name + region must be 3-14 characters.
$PxVmssRegion = "weu"

# Hostname of the Teams Connector; must be in the certificate.
$PxTeamsConnFqdn = "teams.px3xx.fabrikam.net"

# Conferencing Node names: one comma-separated string.
$PxNodeFqdns = "conf01.nodes.px3xx.fabrikam.net,conf02.nodes.px3xx.fabrikam.net"

$PxSubscriptionId = "0c7e3b52-61d4-4f8a-a2c9-5e8b1d3f7a04"
$PxAzureLocation = "westeurope"

$PxWinAdminUser = "pexadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "2"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teams-good.pfx"

# Management networks (RDP and admin consent).
$PxMgmtSrcAddrPrefixes = @("91.90.42.64/26")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "80.213.4.17",
    "31.45.128.0/27"
) + $PxMgmtSrcAddrPrefixes

# CVI app credential (Register-PexTeamsCviApplicationBot creates its bot).
$PxAppCred = Get-Credential -Message "CVI app"

# Deploy (takes 30+ minutes).
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
