using namespace System.Management.Automation.Language

[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseDeclaredVarsMoreThanAssignments', '',
    Justification = 'Pester scopes')]
param()

BeforeAll {
    $script:root = Split-Path $PSScriptRoot
}

Describe 'variables script' -Tag 'CI' {
    BeforeEach {
        [SuppressMessage('PSAvoidGlobalVars', '')]
        $cases = @(
            @{ Name = 'base'; Expected = 'teams' }
            @{ Name = 'region'; Expected = 'westeurope' }
        )
    }
    It 'parses <Name>' -TestCases $cases {
        param($Name, $Expected)
        $ast = [Parser]::ParseInput("`$x = '$Expected'", [ref]$null, [ref]$null)
        $ast.EndBlock.Statements.Count | Should -Be 1
    }
    It 'throws on bad input' {
        { throw 'x' } | Should -Throw
    }
}
