$o = [pscustomobject]@{ Name = 'x' }
$prop = 'Name'
$o.$prop
$o.'Name'
$o."$prop"
$o.($prop)
$m = $o.psobject.Properties.Match('N*')
$o | Add-Member -MemberType ScriptMethod -Name Shout -Value { $this.Name.ToUpper() }
$o.Shout()
$null = $o.{Name}
