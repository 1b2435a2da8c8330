$ps = [powershell]::Create()
$null = $ps.AddCommand('Get-Item').
    AddParameter('Path', '.').
    AddParameter('Force', $true)
$items = $ps.Invoke()
$ps.Dispose()

$big = (1..10).ForEach{ $_ * 2 }.Where{ $_ -gt 5 }
$names = $items.ForEach('Name')
$count = $items. Count
$empty = [array]::Empty[int]()
$dict = [System.Collections.Concurrent.ConcurrentDictionary[string, int]]::new()
$null = $dict.GetOrAdd('a', 1)
$sum = [Func[int, int, int]] { param($a, $b) $a + $b }
$r = $sum.Invoke(1, 2)
$action = [System.Action] { Write-Host 'called' }
$action.Invoke()
