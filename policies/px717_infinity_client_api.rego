# METADATA
# title: Client API disabled on Infinity
# description: >-
#   `global.enable_application_api` is false; Infinity's schema says the Client
#   API is required for the Teams integration.
# custom:
#   id: PX717
#   name: infinity-client-api
#   severity: warning
#   prevents: >-
#     Teams calls failing with the Client API off (from Infinity's schema,
#     beyond the troubleshooting page)
#   remediation: "Enable support for Pexip apps in Platform > Global settings."
#   bad: |-
#     {"global": {"enable_application_api": false}}
#   good: |-
#     {"global": {"enable_application_api": true}}
#   infinity: true
#   assumes: >-
#     The schema's statement is taken as a requirement; the seed does not list
#     this failure.
package pxlint.rules.px717

deny contains {
	"id": "PX717",
	"at": input.global.at,
	"msg": "the Client API is disabled (global.enable_application_api = false); Infinity's schema says Teams integration needs it",
	"fix": "enable it under Platform > Global settings > Connectivity (Enable support for Pexip Infinity Connect and Mobile App)",
} if {
	input.global.enable_application_api == false
}
