# METADATA
# title: Facts collected in another subscription than $PxSubscriptionId
# description: >-
#   The facts' Azure context (`account.subscription_id`) is not the script's
#   `$PxSubscriptionId`: the role assignments read there say nothing about the
#   deployment's subscription, and the session is pointed at the wrong one.
# custom:
#   id: PX405
#   name: facts-subscription
#   severity: warning
#   prevents: "\"Forbidden\" and resources created in the wrong subscription"
#   remediation: >-
#     Run `Set-AzContext -Subscription <$PxSubscriptionId>`, then the preflight
#     script again.
#   bad: |-
#     # facts.json: "subscription_id": "9a8b7c6d-..."
#     $PxSubscriptionId = "4c1b9e2a-..."
#   good: |-
#     # facts.json: "subscription_id": "4c1b9e2a-..."
#     $PxSubscriptionId = "4c1b9e2a-..."
#   needs: [PxSubscriptionId]
package pxlint.rules.px405

import data.pxlint.lib.prereq
import data.pxlint.lib.family.prereq_roles._no_facts_reason
import data.pxlint.lib.family.prereq_roles._source

# --- PX405 -------------------------------------------------------------------

verified contains {"id": "PX405", "source": prereq.facts_source} if {
	prereq.facts_subscription == prereq.script_subscription
}

not_verified contains {"id": "PX405", "source": _source, "reason": _no_facts_reason("the Azure context's subscription")} if {
	not prereq.facts_subscription
}

not_verified contains {"id": "PX405", "source": prereq.facts_source, "reason": "$PxSubscriptionId is not known statically"} if {
	prereq.facts_subscription
	not prereq.script_subscription
}

deny contains r if {
	prereq.facts_subscription != prereq.script_subscription
	r := {
		"id": "PX405", "source": prereq.facts_source, "variable": "PxSubscriptionId", "severity": "warning",
		"msg": sprintf("the facts were collected in subscription %s, but $PxSubscriptionId is %s: the roles checked (PX403) are those of the other subscription", [prereq.facts_subscription, prereq.script_subscription]),
		"fix": sprintf("run Set-AzContext -Subscription %s, then the preflight script again", [prereq.script_subscription]),
	}
}
