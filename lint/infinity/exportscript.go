package infinity

import _ "embed"

//go:embed export-script.ps1
var exportScript string

// ExportScript returns the read-only PowerShell script that `pxlint infinity
// export-script` prints: the administrator runs it against the Management
// Node and it writes the bundle Load reads, without secrets. pxlint itself
// never calls Infinity. It is ASCII, so any redirection encoding keeps it.
func ExportScript() string { return exportScript }
