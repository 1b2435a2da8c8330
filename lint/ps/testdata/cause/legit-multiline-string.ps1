Write-Host "A message that
deliberately spans two lines"
$PxA = @{ a 1 }
