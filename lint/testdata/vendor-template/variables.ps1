# Variables initialization script – copy of the vendor template with this
# deployment's values filled in, as a newcomer saves it from the guide
# (UTF-8 without BOM, CRLF, typographic dashes and “quotes” in comments).

# Azure PowerShell: the release needs Az 4.5.0 – 4.6.x breaks the deployment.
Install-Module -Name Az -RequiredVersion 4.5.0 -AllowClobber -Scope CurrentUser
Import-Module -Name Az -RequiredVersion 4.5.0

# Base name – prefix of every resource: max 9 characters, a-z0-9, no dashes
$PxBaseConnName = "litwarevc"

# Region tag – separates regional deployments (a-z only)
$PxVmssRegion = "uks"

# Teams Connector FQDN – must be in the certificate
$PxTeamsConnFqdn = "teamsconn-uks.litwarevc.co.uk"

# Conferencing Node FQDNs – one comma-separated string
$PxNodeFqdns = "conf01.litwarevc.co.uk,conf02.litwarevc.co.uk"

# Azure subscription and region
$PxSubscriptionId = "b7e3c9a1-4d2f-4e86-9a15-3c8d7f0e2b64"
$PxAzureLocation = "uksouth"

# Windows administrator of the Teams Connector VMs
$PxWinAdminUser = "lwvcadmin"
$PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser -Message "Teams Connector VM administrator"

# Number of Teams Connector instances – about 15 calls each
$PxTeamsConnInstanceCount = "2"

# Incident reporting and disk encryption – $true or $false
$PxTeamsConnIncidentReporting = $true
$PxTeamsConnDiskEncryption = $true

# Resource groups – derived from the base name and region tag
$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"

# PFX certificate file – in the folder the deployment runs in
$PxPfxCertFileName = "teamsconn-uks.litwarevc.co.uk.pfx"

# Management networks for RDP and admin consent
# If not specified (default) – RDP access is always blocked
$PxMgmtSrcAddrPrefixes = @()

# Conferencing Node addresses allowed to reach the Teams Connector on 443
# If not specified (default) – HTTPS access is always enabled
$PxNodesSourceAddressPrefixes = @("","")

# CVI app credential
$PxAppCred = Get-Credential -Message "CVI app"

.\newcreate_vmss_deployment.ps1 `
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
