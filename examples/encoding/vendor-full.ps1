#Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
<#
  Pexip Teams Connector: variables initialization and deployment (Az release).
  Demonstrates a whole vendor-style script: the variable block followed by the
  commands that use it (module pinning, culture guard, sign-in, the static
  resource group, the CVI app and bot, the create_vmss_deployment.ps1 call and
  Write-Host summaries). Saved as UTF-8 with BOM and CRLF.
#>

if ((Get-Culture).Name -ne 'en-US') {
    throw "Set the culture to en-US (Set-Culture -CultureInfo en-US) and open a new PowerShell window."
}

# Az 4.6.x breaks secure-string and string-array template parameters: pin 4.5.0.
Install-Module -Name Az -RequiredVersion 4.5.0 -Scope CurrentUser -AllowClobber
Import-Module Az -RequiredVersion 4.5.0

# Prefix of every Azure resource: a-z0-9, at most 9 characters.
$PxBaseConnName = "litware"

# Short region tag: a-z only. Base name + region: 3-14 characters.
$PxVmssRegion = "uks"

# Teams Connector hostname (in the certificate, one per region).
$PxTeamsConnFqdn = "teamsconn-uks.litware.co.uk"

# Conferencing Node names: ONE comma-separated string, not an array.
$PxNodeFqdns = "edge1.litware.co.uk,edge2.litware.co.uk"

$PxSubscriptionId = "e2b7a4d9-6c15-4f38-b9e0-71d3c8a5f6b2"
$PxAzureLocation = "uksouth"

$PxWinAdminUser = "lwvmadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

$PxTeamsConnInstanceCount = "4"
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

$PxPfxCertFileName = "teamsconn-uks.litware.co.uk.pfx"

# Management networks (RDP and the admin-consent workstation).
$PxMgmtSrcAddrPrefixes = @("51.140.18.0/28")

# Conferencing Node public addresses allowed on 443, plus the management networks.
$PxNodesSourceAddressPrefixes = @(
    "51.141.96.12",
    "51.141.96.13"
) + $PxMgmtSrcAddrPrefixes

# Sign in and select the subscription.
Connect-AzAccount
Set-AzContext -SubscriptionId $PxSubscriptionId

# The static resource group holds the public IP and key vault; it is kept across upgrades.
New-AzResourceGroup -Name $PxTeamsConnStaticResourceGroupName -Location $PxAzureLocation -Force

# Create the CVI app and its bot (the bot name is global in Azure).
$PxAppCred = Register-PexTeamsCviApplicationBot -SubscriptionId $PxSubscriptionId `
    -ResourceGroupName "$($PxBaseConnName)-TeamsBotChan-RG" -BotName "$($PxBaseConnName)-TeamsBot"

Write-Host "Deploying $PxTeamsConnFqdn to $PxTeamsConnResourceGroupName ($PxAzureLocation); this takes 30+ minutes." -ForegroundColor Cyan

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

Write-Host "Teams Connector $PxTeamsConnFqdn deployed: $PxTeamsConnInstanceCount instances in $PxTeamsConnResourceGroupName." -ForegroundColor Green
Write-Host ("RDP and admin consent allowed from: {0}" -f ($PxMgmtSrcAddrPrefixes -join ", "))
Write-Host "Next: grant admin consent for the CVI app, then add $PxTeamsConnFqdn to the Pexip Infinity Teams Connector settings."
