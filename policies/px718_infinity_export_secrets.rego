# METADATA
# title: Infinity export holds secrets
# description: >-
#   The export carries an Event Hub `SharedAccessKey`
#   (`teams_proxy.notifications_queue`), a private key or a password. pxlint
#   never shows the value, in any format; the finding advises stripping secrets
#   before the export is committed.
# custom:
#   id: PX718
#   name: infinity-export-secrets
#   severity: info
#   prevents: credentials leaking through a committed export or a CI log
#   remediation: >-
#     Strip secrets before committing (`pxlint infinity export-script` writes
#     the export without them).
#   bad: |-
#     {"notifications_queue": "Endpoint=sb://…;SharedAccessKeyName=standard_access_policy;SharedAccessKey=…"}
#   good: |-
#     {"notifications_queue": null}
#   security_severity: 7.5
#   infinity: true
#   assumes: >-
#     A field is secret when its name says password, passphrase, secret or
#     private_key, or its value holds a SharedAccessKey or a PEM private key.
package pxlint.rules.px718

deny contains {
	"id": "PX718",
	"at": s.at,
	"msg": sprintf("%s holds %s; pxlint does not show it, but the export file carries it in clear", [s.field, s.what]),
	"fix": "strip secrets before committing the export (pxlint infinity export-script does), e.g. jq 'del(.. | .notifications_queue?, .private_key?, .password?)'",
} if {
	some s in input.secrets
}
