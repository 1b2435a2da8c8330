$grid = @(@(1, 2), @(3, 4))
:rows foreach ($row in $grid) {
    :cols foreach ($cell in $row) {
        if ($cell -eq 3) { break rows }
        if ($cell -eq 1) { continue cols }
        Write-Host $cell
    }
}
:retry
while ($true) {
    $i++
    if ($i -gt 3) { break retry }
}
:outer do { $j++ } until ($j -ge 2)
:sw switch -Regex ('a1', 'b2') {
    '^a' { continue sw }
    default { $last = $_ }
}
for ($k = 0; $k -lt 3; $k++) { }
