function Get-Thing { 'thing' }
filter Select-Even { if ($_ % 2 -eq 0) { $_ } }
function Invoke-Step {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)]
        [object]$InputObject
    )
    dynamicparam {
        $dict = [System.Management.Automation.RuntimeDefinedParameterDictionary]::new()
        return $dict
    }
    begin { $n = 0 }
    process { $n++ }
    end { $n }
    clean { Remove-Variable n -ErrorAction Ignore }
}
function Test-Args([string]$a, [int]$b = 2) {
    process { "$a $b" }
}
1..4 | Select-Even | Invoke-Step
$sb = { param([int]$x) process { $x * 2 } }
& $sb 3
. { $dot = 1 }
