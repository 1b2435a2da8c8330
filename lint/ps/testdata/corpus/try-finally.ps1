$lock = New-Object System.Threading.Mutex($false, 'px-deploy')
try {
    [void]$lock.WaitOne()
    $state = Get-Content -Raw state.json | ConvertFrom-Json
}
finally {
    $lock.ReleaseMutex()
    foreach ($t in 1..3) { if ($t -eq 2) { break } }
}

try { Connect-AzAccount -ErrorAction Stop }
catch
[System.Management.Automation.CommandNotFoundException],
[System.IO.FileNotFoundException]
{
    Write-Error 'Az is not installed'
}
catch { throw }

trap [System.Net.WebException] {
    Write-Warning $_.Exception.Message
    continue
}
