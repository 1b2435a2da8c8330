#Requires -Version 5.1
<#
.SYNOPSIS
    Runs the Teams Connector deployment for one region after checking the workstation.
#>
[CmdletBinding(SupportsShouldProcess = $true,
               ConfirmImpact = 'High',
               DefaultParameterSetName = 'ByRegion')]
param(
    [Parameter(Mandatory = $true,
               Position = 0,
               ParameterSetName = 'ByRegion',
               HelpMessage = 'Region folder under regions/')]
    [ValidateNotNullOrEmpty()]
    [string]$Region,

    [Parameter(ParameterSetName = 'ByRegion')]
    [ValidateSet('azurerm', 'az',
                 IgnoreCase = $true)]
    [string]$Profile = 'az',

    [switch]$WhatIfOnly
)

begin {
    $ErrorActionPreference = 'Stop'
    $root = Split-Path -Parent $PSCommandPath
    $vars = Join-Path $root "regions\$Region\variables.ps1"
}

process {
    if (-not (Test-Path -LiteralPath $vars)) {
        throw "No variables script for $Region at $vars"
    }
    . $vars
    if ($PSCmdlet.ShouldProcess($PxBaseConnName, 'deploy')) {
        & (Join-Path $root 'create_vmss_deployment.ps1') -SubscriptionId $PxSubscriptionId `
            -ResourceGroupName $PxTeamsConnResourceGroupName
    }
}

end {
    Write-Verbose "done with $Region"
}
