Get-ChildItem -Recurse -Filter *.ps1 |
    Where-Object { $_.Length -gt 0 } |
    ForEach-Object -Process {
        $_.FullName
    } -End { 'done' } |
    Sort-Object
git fetch origin && git status || Write-Warning 'git failed'
$r = Get-Date | Select-Object -ExpandProperty Year
Get-Process | ? Name -like 'pwsh*' | % { $_.Id }
