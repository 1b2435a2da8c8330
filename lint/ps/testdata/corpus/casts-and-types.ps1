[int]$n = '42'
[ValidateRange(1, 20)][int]$count = 3
[ref]$out = $null
$ok = [int]::TryParse('5', [ref]$out)
$t = [System.Collections.Generic.List[string]]::new()
$t.Add('x')
$h = [ordered]@{ a = 1; b = 2 }
$now = [datetime]::UtcNow.ToString('o')
$v = [version]'1.2.3'
$isStr = $n -is [string]
$asInt = '7' -as [int]
$e = [System.Environment]::GetEnvironmentVariable('PATH', [System.EnvironmentVariableTarget]::Machine)
