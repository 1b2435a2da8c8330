Get-X -A 1 ` 
  -B 2
