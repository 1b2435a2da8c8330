<#
.SYNOPSIS
    Collects the deployment workstation facts that pxlint checks (PX401-PX405).

.DESCRIPTION
    Printed by `pxlint preflight`. Run it in the PowerShell window you will
    deploy from (Windows PowerShell 5.1 or PowerShell 7), signed in with
    Connect-AzAccount and switched to the deployment's subscription with
    Set-AzContext -Subscription <id>:

        .\pxlint-preflight.ps1 -OutFile facts.json
        pxlint lint --facts facts.json variables.ps1

    It only reads: the culture, the installed Az, Az.Accounts, Az.Resources
    and AzureRM versions, the Azure context (account name, tenant and
    subscription IDs), the account's role assignments (including those held
    through groups and inherited from management groups) and, from Microsoft
    Graph, whether the account is a guest and its directory roles. It changes
    nothing, and it never reads or writes passwords, secrets or access tokens.
    What it cannot find out is written as null, which pxlint reports as "not
    verified".

.PARAMETER OutFile
    The JSON file to write (UTF-8). Default: facts.json in the current folder.
#>
[CmdletBinding()]
param(
    [string] $OutFile = 'facts.json'
)

$ErrorActionPreference = 'Stop'

# Every fact is gathered on its own: a failure leaves that fact null and
# says why, without stopping the others.
function Get-PxFact {
    param([string] $What, [scriptblock] $Block)
    try {
        $result = & $Block
        # The comma keeps an array (even an empty one) one value on return.
        return , $result
    } catch {
        Write-Warning ('pxlint preflight: could not read {0}: {1}' -f $What, $_.Exception.Message)
        return $null
    }
}

# Text returns a non-empty string, or null: the schema wants GUIDs and names
# or nothing.
function Get-PxText {
    param($Value)
    if ($null -eq $Value -or [string] $Value -eq '') {
        return $null
    }
    return [string] $Value
}

function Test-PxCommand {
    param([string] $Name)
    return $null -ne (Get-Command -Name $Name -ErrorAction SilentlyContinue)
}

# Microsoft Graph through the signed-in Az session, when this Az.Accounts
# can call Graph (Invoke-AzRestMethod -Uri). Only the response body is read.
function Invoke-PxGraph {
    param([string] $Path)
    $command = Get-Command -Name Invoke-AzRestMethod -ErrorAction SilentlyContinue
    if ($null -eq $command -or -not $command.Parameters.ContainsKey('Uri')) {
        return $null
    }
    $response = Invoke-AzRestMethod -Method GET -Uri ('https://graph.microsoft.com/v1.0/' + $Path)
    if ($response.StatusCode -ne 200) {
        throw ('Microsoft Graph answered {0} for {1}' -f $response.StatusCode, $Path)
    }
    return ConvertFrom-Json -InputObject $response.Content
}

$edition = 'Desktop'
if ($PSVersionTable.ContainsKey('PSEdition')) {
    $edition = [string] $PSVersionTable.PSEdition
}
$hostFacts = [ordered]@{
    os                 = [System.Environment]::OSVersion.VersionString
    powershell_edition = $edition
    powershell_version = $PSVersionTable.PSVersion.ToString()
}

$culture = Get-PxFact 'the culture' { (Get-Culture).Name }
$uiCulture = Get-PxFact 'the UI culture' { (Get-UICulture).Name }

# Several versions side by side are normal: list them all.
$modules = Get-PxFact 'the installed modules' {
    $found = @(Get-Module -ListAvailable -Name Az, Az.Accounts, Az.Resources, AzureRM -ErrorAction SilentlyContinue)
    $list = @()
    foreach ($module in $found) {
        $list += [ordered]@{
            name    = [string] $module.Name
            version = $module.Version.ToString()
        }
    }
    , $list
}

$account = $null
$roleAssignments = $null
$context = $null
if (Test-PxCommand 'Get-AzContext') {
    $context = Get-PxFact 'the Azure context' { Get-AzContext }
}
if ($null -eq $context -or $null -eq $context.Account) {
    Write-Warning 'pxlint preflight: not signed in to Azure (Connect-AzAccount): account and role facts stay unknown.'
} else {
    $accountType = [string] $context.Account.Type
    $signInName = [string] $context.Account.Id
    $tenantId = $null
    if ($null -ne $context.Tenant) {
        $tenantId = Get-PxText $context.Tenant.Id
    }
    $subscriptionId = $null
    if ($null -ne $context.Subscription) {
        $subscriptionId = Get-PxText $context.Subscription.Id
    }
    $userType = $null
    $directoryRoles = $null

    if ($accountType -eq 'User') {
        $me = Get-PxFact 'the user from Microsoft Graph' { Invoke-PxGraph 'me?$select=userPrincipalName,userType' }
        if ($null -ne $me) {
            # A guest's sign-in name is its e-mail; its UPN (with #EXT#) is what role lookups need.
            if ($null -ne (Get-PxText $me.userPrincipalName)) {
                $signInName = [string] $me.userPrincipalName
            }
            $userType = Get-PxText $me.userType
            $directoryRoles = Get-PxFact 'the directory roles from Microsoft Graph' {
                $memberOf = Invoke-PxGraph 'me/memberOf/microsoft.graph.directoryRole?$select=displayName'
                $names = @()
                foreach ($role in @($memberOf.value)) {
                    $names += [string] $role.displayName
                }
                , $names
            }
        } elseif (Test-PxCommand 'Get-AzureADCurrentSessionInfo') {
            # Older Az without Graph access: the AzureAD module, if already connected.
            $session = Get-PxFact 'the AzureAD session (Connect-AzureAD)' { Get-AzureADCurrentSessionInfo }
            if ($null -ne $session) {
                $user = Get-PxFact 'the user from AzureAD' { Get-AzureADUser -ObjectId $signInName }
                if ($null -ne $user) {
                    $signInName = [string] $user.UserPrincipalName
                    $userType = Get-PxText $user.UserType
                    $directoryRoles = Get-PxFact 'the directory roles from AzureAD' {
                        $names = @()
                        foreach ($membership in @(Get-AzureADUserMembership -ObjectId $user.ObjectId -All $true)) {
                            if ($membership.ObjectType -eq 'Role') {
                                $names += [string] $membership.DisplayName
                            }
                        }
                        , $names
                    }
                }
            }
        }
    }

    $account = [ordered]@{
        user_principal_name = $signInName
        user_type           = $userType
        tenant_id           = $tenantId
        subscription_id     = $subscriptionId
        directory_roles     = $directoryRoles
    }

    if (Test-PxCommand 'Get-AzRoleAssignment') {
        $roleAssignments = Get-PxFact 'the role assignments' {
            $list = @()
            if ($accountType -eq 'User') {
                $assignments = @(Get-AzRoleAssignment -SignInName $signInName -ExpandPrincipalGroups)
            } else {
                $assignments = @(Get-AzRoleAssignment -ServicePrincipalName $signInName)
            }
            foreach ($assignment in $assignments) {
                $list += [ordered]@{
                    role  = [string] $assignment.RoleDefinitionName
                    scope = [string] $assignment.Scope
                }
            }
            , $list
        }
    }
}

$facts = [ordered]@{
    schema           = 'pxlint-facts/v1'
    collected_at     = [System.DateTime]::UtcNow.ToString('s', [System.Globalization.CultureInfo]::InvariantCulture) + 'Z'
    host             = $hostFacts
    culture          = $culture
    ui_culture       = $uiCulture
    modules          = $modules
    account          = $account
    role_assignments = $roleAssignments
}

$json = ConvertTo-Json -InputObject $facts -Depth 6
$path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
[System.IO.File]::WriteAllText($path, $json, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
Write-Host ('pxlint preflight: facts written to {0}' -f $path)
