# Pasted from a document: typographic quotes and dashes, which PowerShell accepts.
$PxLabel = “Teams Connector”
$PxNote = ‘it’’s fine’
Write-Host $PxLabel –ForegroundColor Green
if ($PxLabel —ne '') { 'set' }
