#Requires -Version 5.1
#Requires -Modules Az.Accounts, @{ModuleName="Az"; RequiredVersion="4.5.0"}, @{ModuleName='Az.Resources'; ModuleVersion='2.0.0'; MaximumVersion='3.9.9'}
<#
  Pexip Teams Connector: variables initialization script (vendor style).
  Edit the values, then run the deployment below.
#>
param([switch]$WhatIfOnly)

$ErrorActionPreference = 'Stop'
if ((Get-Culture).Name -ne 'en-US') {
    Write-Warning "Culture is $((Get-Culture).Name); switch to en-US first."
    exit 1
}

Install-Module -Name Az -RequiredVersion 4.5.0 -AllowClobber -Scope CurrentUser -Force:$false
Import-Module Az -RequiredVersion 4.5.0

$PxBaseConnName = 'contoso'
$PxVmssRegion = "weu"
$PxTeamsConnFqdn = "$PxBaseConnName-teams.example.net"
$PxNodeFqdns = "conf01.example.net,conf02.example.net"
$PxSubscriptionId = '00000000-1111-2222-3333-444444444444'
$PxAzureLocation = "westeurope"
$PxTeamsConnInstanceCount = 2
$PxTeamsConnIncidentReporting = $True
$PxTeamsConnDiskEncryption = $FALSE
$PxTeamsConnResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-RG"
$PxTeamsConnStaticResourceGroupName = "$($PxBaseConnName)-TeamsConn-$($PxVmssRegion)-static-RG"
$PxMgmtSrcAddrPrefixes = @(
    "192.0.2.0/28"
    '198.51.100.7'
)
$PxNodesSourceAddressPrefixes = @("203.0.113.10", "203.0.113.11") + $PxMgmtSrcAddrPrefixes
$PxNodesSourceAddressPrefixes += "203.0.113.12"
$PxTags = @{ owner = 'it-ops'; "cost-center" = 4711; created = (Get-Date -Format 'yyyy-MM-dd') }

$PxWinAdminCred = Get-Credential -UserName 'pxadmin' -Message 'VM administrator'
$PxAppCred = Get-Credential -Message "CVI app (Register-PexTeamsCviApplicationBot)"

Connect-AzAccount -Subscription $PxSubscriptionId | Out-Null
$ctx = Get-AzContext
if (-not $ctx -or $ctx.Subscription.Id -ne $PxSubscriptionId) { throw "Wrong subscription: $($ctx.Subscription.Id)" }

foreach ($rg in @($PxTeamsConnResourceGroupName, $PxTeamsConnStaticResourceGroupName)) {
    if (-not (Get-AzResourceGroup -Name $rg -ErrorAction SilentlyContinue)) {
        New-AzResourceGroup -Name $rg -Location $PxAzureLocation -Tag $PxTags | Out-Null
    }
}

try {
    .\create_vmss_deployment.ps1 -SubscriptionId $PxSubscriptionId `
        -ResourceGroupName $PxTeamsConnResourceGroupName -VmssName "$PxBaseConnName$PxVmssRegion" `
        -VMAdminCredential $PxWinAdminCred -PfxPath .\certs\teams.pfx `
        -TeamsConnectorFqdn $PxTeamsConnFqdn -PexipFqdns $PxNodeFqdns -instanceCount $PxTeamsConnInstanceCount `
        -StaticResourcesResourceGroupName $PxTeamsConnStaticResourceGroupName `
        -IncidentReporting $PxTeamsConnIncidentReporting -Encryption $PxTeamsConnDiskEncryption `
        -PexipSourceAddressPrefixes $PxNodesSourceAddressPrefixes -AppCredential $PxAppCred -WhatIf:$WhatIfOnly
} catch [System.Management.Automation.RuntimeException] {
    Write-Error ("Deployment failed: {0}" -f $_.Exception.Message)
    exit 2
}
Write-Host "Teams Connector: $PxTeamsConnFqdn ($PxTeamsConnInstanceCount VMs) in $PxAzureLocation" -ForegroundColor Green
Write-Host @"
Resource groups: $PxTeamsConnResourceGroupName, $PxTeamsConnStaticResourceGroupName
"@
