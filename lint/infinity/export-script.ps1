<#
.SYNOPSIS
    Exports the Pexip Infinity configuration that `pxlint infinity` checks (PX701-PX718).

.DESCRIPTION
    Printed by `pxlint infinity export-script`. Run it from any machine that
    reaches the Management Node over HTTPS (Windows PowerShell 5.1 or
    PowerShell 7), with an administrator account that may read the
    configuration API:

        .\pxlint-infinity-export.ps1 -Manager mgr.vc.example.org -OutFile infinity-export.json
        pxlint infinity infinity-export.json --scripts regions/ --tenant-id <tenant GUID>

    It only reads: one GET per page of each resource under
    /api/admin/configuration/v1/ (500 objects a page, following meta.next),
    well under the API's rate limit. It changes nothing. Secrets are
    removed before the file is written: the Event Hub connection string
    (teams_proxy.notifications_queue, which holds a SharedAccessKey), private
    keys, passphrases and passwords. The result is one bundle
    {"<resource>": [objects...]} in UTF-8.

.PARAMETER Manager
    The Management Node's address (FQDN or IP).

.PARAMETER Credential
    The administrator account; asked for when not given.

.PARAMETER OutFile
    The JSON file to write. Default: infinity-export.json in the current folder.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $Manager,
    [System.Management.Automation.PSCredential] $Credential,
    [string] $OutFile = 'infinity-export.json'
)

$ErrorActionPreference = 'Stop'
if (-not $Credential) {
    $Credential = Get-Credential -Message "Pexip Infinity administrator for $Manager"
}

# Windows PowerShell 5.1 may default to older TLS versions.
[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12

$base = "https://$Manager"
$resources = @(
    'gateway_routing_rule', 'conference', 'conference_alias', 'teams_proxy', 'azure_tenant',
    'system_location', 'worker_vm', 'tls_certificate', 'ca_certificate', 'global'
)
# Fields whose values are secrets: never written to the export.
$secretFields = @('notifications_queue', 'private_key', 'private_key_passphrase', 'password')

function Remove-PxSecret {
    param($Object)
    foreach ($p in @($Object.PSObject.Properties)) {
        $name = $p.Name.ToLowerInvariant()
        if ($secretFields -contains $name -or $name -like '*password*' -or $name -like '*passphrase*' -or $name -like '*secret*') {
            $Object.PSObject.Properties.Remove($p.Name)
        }
    }
    return $Object
}

$bundle = [ordered]@{}
foreach ($resource in $resources) {
    $objects = New-Object System.Collections.ArrayList
    $next = "/api/admin/configuration/v1/$resource/?limit=500"
    $pages = 0
    while ($next) {
        $pages++
        if ($pages -gt 1000) {
            throw "$resource has more than 1000 pages; stopping"
        }
        try {
            $page = Invoke-RestMethod -Method Get -Uri ($base + $next) -Credential $Credential -Headers @{ Accept = 'application/json' }
        } catch {
            Write-Warning "$resource could not be read ($($_.Exception.Message)); pxlint will report it as missing"
            $objects = $null
            break
        }
        if ($null -ne $page.objects) {
            foreach ($o in $page.objects) {
                [void] $objects.Add((Remove-PxSecret $o))
            }
            $next = $page.meta.next
        } else {
            # A single object (global settings) comes without an envelope.
            [void] $objects.Add((Remove-PxSecret $page))
            $next = $null
        }
    }
    if ($null -ne $objects) {
        $bundle[$resource] = $objects.ToArray()
    }
}

$json = $bundle | ConvertTo-Json -Depth 20
$path = [IO.Path]::GetFullPath((Join-Path (Get-Location) $OutFile))
[IO.File]::WriteAllText($path, $json, (New-Object Text.UTF8Encoding $false))
Write-Host "wrote $path"
