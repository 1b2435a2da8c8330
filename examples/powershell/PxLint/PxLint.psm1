# PxLint: run pxlint from Windows PowerShell 5.1 and PowerShell 7.
#
# The module only starts pxlint.exe and turns its JSON report
# (pxlint-report/v1, schemas/report.schema.json) into objects. It never
# executes the variables script. ASCII only: Windows PowerShell 5.1 reads a
# module file without a byte-order mark in the ANSI code page.

# The properties of each finding object, in order, and the field of the JSON
# report's finding each one is read from ("a.b" reads b inside a). This table
# is the whole JSON-to-object mapping: lint/integration's test reads it from
# this file, checks every field against the report schema and applies it to a
# real report (golden file).
$script:FindingFields = [ordered]@{
    Rule       = 'rule_id'
    Severity   = 'severity'
    File       = 'file'
    Line       = 'region.start_line'
    Column     = 'region.start_column'
    EndLine    = 'region.end_line'
    EndColumn  = 'region.end_column'
    Message    = 'message'
    Fix        = 'fix'
    Title      = 'title'
    Variable   = 'variable'
    Suppressed = 'suppressed'
    Failing    = 'failing'
    DocsUrl    = 'docs_url'
}

Update-TypeData -TypeName 'PxLint.Finding' -DefaultDisplayPropertySet 'Rule', 'Severity', 'File', 'Line', 'Column', 'Message' -Force

<#
.SYNOPSIS
    Returns the path of pxlint.exe: beside this module, one folder up (the
    release zip holds PxLint\ next to pxlint.exe), else on PATH.
#>
function Find-PxLintExe {
    $names = @('pxlint.exe', 'pxlint')
    $folders = @($PSScriptRoot, (Split-Path -Path $PSScriptRoot -Parent))
    foreach ($folder in $folders) {
        foreach ($name in $names) {
            $candidate = Join-Path -Path $folder -ChildPath $name
            if (Test-Path -LiteralPath $candidate -PathType Leaf) {
                return $candidate
            }
        }
    }
    foreach ($name in $names) {
        $command = Get-Command -Name $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($null -ne $command) {
            return $command.Source
        }
    }
    throw 'pxlint.exe not found beside the PxLint module or on PATH. Install it (scoop install pxlint, winget install pxlint.pxlint, or the release zip) and try again.'
}

<#
.SYNOPSIS
    Quotes one argument for a Windows command line the way
    CommandLineToArgvW (and Go) split it again: backslashes before a quote
    and at the end are doubled, quotes are escaped.
.PARAMETER Value
    The argument.
#>
function ConvertTo-PxArgument {
    param([string] $Value)
    if ($Value -ne '' -and $Value -notmatch '[\s"]') {
        return $Value
    }
    $escaped = [regex]::Replace($Value, '(\\*)"', '$1$1\"')
    $escaped = [regex]::Replace($escaped, '(\\+)$', '$1$1')
    return '"' + $escaped + '"'
}

<#
.SYNOPSIS
    Runs pxlint with the arguments and returns its exit code, standard output
    and standard error.
.DESCRIPTION
    Both streams are read as UTF-8 by the module itself, so
    [Console]::OutputEncoding (the OEM code page in Windows PowerShell 5.1)
    cannot garble them.
.PARAMETER ArgumentList
    The arguments, unquoted.
#>
function Invoke-PxLintProcess {
    param([string[]] $ArgumentList)
    $exe = Find-PxLintExe
    $quoted = @()
    foreach ($argument in $ArgumentList) {
        $quoted += ConvertTo-PxArgument -Value $argument
    }
    $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    $info = New-Object -TypeName System.Diagnostics.ProcessStartInfo
    $info.FileName = $exe
    $info.Arguments = $quoted -join ' '
    $info.UseShellExecute = $false
    $info.CreateNoWindow = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.StandardOutputEncoding = $utf8
    $info.StandardErrorEncoding = $utf8
    $info.WorkingDirectory = (Get-Location -PSProvider FileSystem).ProviderPath
    $process = [System.Diagnostics.Process]::Start($info)
    # Read standard error in the background so that neither pipe can fill up
    # and block pxlint.
    $stderrTask = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    return [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = $stdout
        Error    = $stderrTask.Result
    }
}

<#
.SYNOPSIS
    Turns one finding of the JSON report into a PxLint.Finding object,
    following $script:FindingFields.
.PARAMETER Finding
    One element of files[].findings[] of the report.
#>
function ConvertTo-PxFinding {
    param($Finding)
    $properties = [ordered]@{}
    foreach ($name in $script:FindingFields.Keys) {
        $value = $Finding
        foreach ($part in $script:FindingFields[$name].Split('.')) {
            if ($null -eq $value) {
                break
            }
            $property = $value.PSObject.Properties[$part]
            $value = $null
            if ($null -ne $property) {
                $value = $property.Value
            }
        }
        $properties[$name] = $value
    }
    $object = New-Object -TypeName PSObject -Property $properties
    $object.PSObject.TypeNames.Insert(0, 'PxLint.Finding')
    return $object
}

<#
.SYNOPSIS
    Lints Pexip Teams Connector variables scripts with pxlint and returns one
    object per finding.

.DESCRIPTION
    Runs pxlint.exe (found beside the module, one folder up, or on PATH) over
    the files and folders given, reads its JSON report and returns one
    PxLint.Finding object per finding, with the properties Rule, Severity,
    File, Line, Column, EndLine, EndColumn, Message, Fix, Title, Variable,
    Suppressed, Failing and DocsUrl. Line and Column are empty for a finding
    about the whole file. Failing is true when the finding counts against
    -FailOn; suppressed findings are returned too, with Suppressed set.

    All paths go to one pxlint run, so cross-script rules (PX206) see them
    together. $LASTEXITCODE is not changed; use Test-PxDeployment for a
    true/false answer. pxlint's own errors (a missing file, a bad config) are
    thrown as terminating errors.

    pxlint never executes the variables script.

.PARAMETER Path
    Variables scripts or folders of scripts. Accepts pipeline input, including
    Get-ChildItem output.

.PARAMETER Cert
    The Teams Connector certificate (PFX) for every script, instead of
    $PxPfxCertFileName. Give its password in $env:PXLINT_PFX_PASSWORD.

.PARAMETER FailOn
    The lowest severity that counts as failing: error, warning, info or never.
    Default: the .pxlint.hcl setting, else error.

.PARAMETER Facts
    A workstation facts file written by Get-PxPreflightFacts.

.PARAMETER Config
    A .pxlint.hcl for every script (default: the nearest one upward).

.PARAMETER ArgumentList
    Further pxlint lint arguments, e.g. @('--profile', 'az').

.PARAMETER Raw
    Return pxlint's readable report (the pretty format) as lines of text
    instead of objects.

.EXAMPLE
    Invoke-PxLint -Path .\variables.ps1

    Lists the findings of one script.

.EXAMPLE
    Invoke-PxLint -Path .\regions -FailOn warning | Where-Object Failing | Format-Table Rule, File, Line, Message

    Shows what would fail a gate at warning level across a folder.

.EXAMPLE
    Invoke-PxLint -Path .\variables.ps1 -Cert .\teams.pfx -Raw | Out-File pxlint.txt

    Writes the readable report to a file (correctly encoded in Windows
    PowerShell 5.1 too: the module decodes pxlint's output as UTF-8).

.LINK
    https://github.com/pxlint/pxlint
#>
function Invoke-PxLint {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('FullName')]
        [string[]] $Path,
        [string] $Cert,
        [ValidateSet('error', 'warning', 'info', 'never')]
        [string] $FailOn,
        [string] $Facts,
        [string] $Config,
        [string[]] $ArgumentList,
        [switch] $Raw
    )
    begin {
        $paths = @()
    }
    process {
        $paths += $Path
    }
    end {
        $arguments = @('lint', '--no-color')
        if ($Raw) {
            $arguments += @('--format', 'pretty')
        } else {
            $arguments += @('--format', 'json')
        }
        if ($Cert) {
            $arguments += @('--cert', $Cert)
        }
        if ($FailOn) {
            $arguments += @('--fail-on', $FailOn)
        }
        if ($Facts) {
            $arguments += @('--facts', $Facts)
        }
        if ($Config) {
            $arguments += @('--config', $Config)
        }
        if ($ArgumentList) {
            $arguments += $ArgumentList
        }
        $arguments += '--'
        $arguments += $paths

        $result = Invoke-PxLintProcess -ArgumentList $arguments
        if ($result.ExitCode -ne 0 -and $result.ExitCode -ne 1) {
            throw ('pxlint failed (exit code {0}): {1}' -f $result.ExitCode, $result.Error.Trim())
        }
        if ($result.Error) {
            foreach ($line in ($result.Error.Trim() -split "`r?`n")) {
                Write-Verbose -Message $line
            }
        }
        if ($Raw) {
            return ($result.Output.TrimEnd() -split "`r?`n")
        }
        $report = ConvertFrom-Json -InputObject $result.Output
        foreach ($file in $report.files) {
            foreach ($finding in $file.findings) {
                ConvertTo-PxFinding -Finding $finding
            }
        }
    }
}

<#
.SYNOPSIS
    Gathers the deployment workstation's facts (Az version, culture, roles)
    into a facts file for pxlint.

.DESCRIPTION
    Runs the read-only preflight script that pxlint carries (the output of
    `pxlint preflight`) in this PowerShell session and writes the facts JSON
    file: the culture, the installed Az, Az.Accounts, Az.Resources and
    AzureRM versions, the Azure context and the account's role assignments.
    It changes nothing and reads no password or token.

    Run it in the window you deploy from, after Connect-AzAccount and
    Set-AzContext -Subscription <id>. Without a signed-in Az session the
    Azure facts are null and pxlint reports those rules as not verified.

    To run the preflight script on a machine without the module:
    pxlint preflight > preflight.ps1, then .\preflight.ps1 -OutFile facts.json.

.PARAMETER OutFile
    The facts file to write. Default: facts.json in the current folder.

.OUTPUTS
    System.IO.FileInfo of the facts file.

.EXAMPLE
    Get-PxPreflightFacts -OutFile .\facts.json
    Invoke-PxLint -Path .\variables.ps1 -Facts .\facts.json

.LINK
    https://github.com/pxlint/pxlint
#>
function Get-PxPreflightFacts {
    [CmdletBinding()]
    param(
        [string] $OutFile = 'facts.json'
    )
    $result = Invoke-PxLintProcess -ArgumentList @('preflight')
    if ($result.ExitCode -ne 0) {
        throw ('pxlint preflight failed (exit code {0}): {1}' -f $result.ExitCode, $result.Error.Trim())
    }
    $target = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
    $preflight = [scriptblock]::Create($result.Output)
    & $preflight -OutFile $target
    return Get-Item -LiteralPath $target
}

<#
.SYNOPSIS
    Returns $true when the variables script is ready to deploy, $false when
    pxlint finds a problem: a gate for your deployment script.

.DESCRIPTION
    Gathers the workstation facts (Get-PxPreflightFacts) unless -Facts or
    -SkipPreflight is given, lints the script with them (Invoke-PxLint), writes
    each failing finding as a warning and returns $true when none counts
    against -FailOn, else $false. Call it before create_vmss_deployment.ps1.

.PARAMETER Path
    The variables initialization script (or a folder of them).

.PARAMETER Cert
    The Teams Connector certificate (PFX); its password in
    $env:PXLINT_PFX_PASSWORD.

.PARAMETER FailOn
    The lowest severity that fails the gate: error (default), warning, info
    or never.

.PARAMETER Facts
    An existing facts file; the preflight step is skipped.

.PARAMETER SkipPreflight
    Lint without workstation facts (PX401-PX405 are then not verified).

.OUTPUTS
    System.Boolean

.EXAMPLE
    Import-Module .\PxLint
    if (-not (Test-PxDeployment -Path .\variables.ps1 -Cert .\teams.pfx)) { throw 'fix the findings first' }
    .\create_vmss_deployment.ps1

.LINK
    https://github.com/pxlint/pxlint
#>
function Test-PxDeployment {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [string[]] $Path,
        [string] $Cert,
        [ValidateSet('error', 'warning', 'info', 'never')]
        [string] $FailOn = 'error',
        [string] $Facts,
        [switch] $SkipPreflight
    )
    $temporary = $null
    if (-not $Facts -and -not $SkipPreflight) {
        $temporary = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('pxlint-facts-{0}.json' -f [guid]::NewGuid())
        $null = Get-PxPreflightFacts -OutFile $temporary
        $Facts = $temporary
    }
    try {
        $lint = @{ Path = $Path; FailOn = $FailOn }
        if ($Cert) {
            $lint.Cert = $Cert
        }
        if ($Facts) {
            $lint.Facts = $Facts
        }
        $failing = @(Invoke-PxLint @lint | Where-Object { $_.Failing })
        foreach ($finding in $failing) {
            $where = $finding.File
            if ($finding.Line) {
                $where = '{0}:{1}:{2}' -f $finding.File, $finding.Line, $finding.Column
            }
            Write-Warning -Message ('{0}: {1} {2}: {3}' -f $where, $finding.Severity, $finding.Rule, $finding.Message)
        }
        return ($failing.Count -eq 0)
    } finally {
        if ($temporary -and (Test-Path -LiteralPath $temporary)) {
            Remove-Item -LiteralPath $temporary -Force
        }
    }
}

Export-ModuleMember -Function 'Invoke-PxLint', 'Get-PxPreflightFacts', 'Test-PxDeployment'
