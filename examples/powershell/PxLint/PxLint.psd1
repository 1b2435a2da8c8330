# Module manifest of PxLint: pxlint from Windows PowerShell 5.1 and
# PowerShell 7. Release archives ship it as PxLint\ beside pxlint.exe.
@{
    RootModule           = 'PxLint.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = 'bd503162-e198-4029-8e49-18a908af8410'
    Author               = 'pxlint'
    CompanyName          = 'pxlint'
    Copyright            = 'Licensed under the Apache License, Version 2.0'
    Description          = 'Lint Pexip Teams Connector variables scripts with pxlint before create_vmss_deployment.ps1 runs: findings as objects, workstation preflight facts, and a true/false deployment gate.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FunctionsToExport    = @('Invoke-PxLint', 'Get-PxPreflightFacts', 'Test-PxDeployment')
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Pexip', 'Teams', 'Azure', 'Lint', 'Windows', 'PSEdition_Desktop', 'PSEdition_Core')
            LicenseUri = 'https://github.com/pxlint/pxlint/blob/main/LICENSE'
            ProjectUri = 'https://github.com/pxlint/pxlint'
        }
    }
}
