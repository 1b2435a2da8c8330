package facts

import _ "embed"

//go:embed preflight.ps1
var preflightScript string

// PreflightScript returns the read-only PowerShell script that `pxlint
// preflight` prints: run on the deployment workstation (Windows PowerShell
// 5.1 or PowerShell 7), it writes the facts file Load reads. It is ASCII, so
// it reads the same whatever encoding a redirection gives it.
func PreflightScript() string { return preflightScript }
