$template = @"
{
  "name": "$($env:USERNAME)",
  "path": "C:\\temp"
}
"@
$raw = @'
No $expansion here: "quoted" and 'single'
'@
$q = "She said ""hi"" and `"bye`""
$s = 'It''s'
$nested = "a $("b $("c")") d"
$arrow = "`u{2192} `t tab"
