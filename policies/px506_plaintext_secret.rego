# METADATA
# title: Literal password or secret in the script
# description: >-
#   A literal, non-empty password or secret (`$PxWinAdminPassword`, app
#   passwords, PFX passwords). Error when the file is inside a git work tree (it
#   is about to be committed, or already was); warning otherwise (prompting is
#   still better). The value is never echoed: the message names the variable and
#   its length only. Not suppressible by default.
# custom:
#   id: PX506
#   name: plaintext-secret
#   severity: error
#   levels: [error, warning]
#   prevents: >-
#     leaked credentials: a VM administrator password in the repository's
#     history
#   remediation: >-
#     Delete the literal and prompt: `$PxWinAdminCred = Get-Credential -UserName
#     $PxWinAdminUser`; rotate a password that was committed.
#   bad: |-
#     $PxWinAdminPassword = "<a literal password>"
#   good: |-
#     $PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser
#   fragment: true
#   not_suppressible: true
#   security_severity: 8.8
package pxlint.rules.px506

# PX506 plaintext-secret: never echo the value, only the variable and length.

deny contains r if {
	some name, var in input.variables
	var.kind == "secret"
	var.secret.literal
	var.secret.length > 0
	r := {
		"id": "PX506",
		"severity": _secret_severity,
		"variable": name,
		"msg": sprintf("$%s holds a literal secret (%d characters)%s", [name, var.secret.length, _secret_why]),
		"fix": _secret_fix(name),
	}
}

_secret_severity := "error" if input.context.in_git_work_tree

_secret_severity := "warning" if not input.context.in_git_work_tree

_secret_why := " in a file inside a git work tree: it is about to be committed, or already was; remove it and rotate it" if {
	input.context.in_git_work_tree
} else := "; anyone who can read the file has it"

_secret_fix("PxWinAdminPassword") := "delete this line and prompt instead: $PxWinAdminCred = Get-Credential -UserName $PxWinAdminUser"

_secret_fix(name) := sprintf("delete this line and prompt instead: $%s = Read-Host -AsSecureString", [name]) if name != "PxWinAdminPassword"
