$Messages = data {
    ConvertFrom-StringData @'
Hello = Hello
Bye = Goodbye
'@
}
$Local = data -SupportedCommand ConvertFrom-StringData, Format-Table {
    ConvertFrom-StringData -StringData 'Key = Value'
}
Write-Host $Messages.Hello
