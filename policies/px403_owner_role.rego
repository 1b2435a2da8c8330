# METADATA
# title: Deploying identity lacks Owner on the static resource group
# description: >-
#   From the facts' role assignments (including those held through groups and
#   inherited): Owner at the static resource group, the subscription or any
#   management group satisfies the rule; scopes compare case-insensitively. Not
#   verified without facts, with the probe only, or when the facts were read in
#   another subscription (see PX405).
# custom:
#   id: PX403
#   name: owner-role
#   severity: error
#   prevents: "\"Add-AzKeyVaultManagedStorageAccount : ... 'Forbidden'\""
#   remediation: >-
#     Have an Owner of the subscription assign the Owner role to the deploying
#     identity on the subscription or the static resource group.
#   bad: |-
#     # facts.json: role_assignments: Contributor at /subscriptions/<id>
#   good: |-
#     # facts.json: role_assignments: Owner at /subscriptions/<id>
#   needs: [PxSubscriptionId, PxTeamsConnStaticResourceGroupName]
package pxlint.rules.px403

import data.pxlint.lib
import data.pxlint.lib.prereq
import data.pxlint.lib.family.prereq_roles._no_facts_reason
import data.pxlint.lib.family.prereq_roles._source
import data.pxlint.lib.family.prereq_roles._who

_roles_known if is_array(input.facts.role_assignments)

# --- PX403 -------------------------------------------------------------------

# The subscription the deployment targets: the script's, else the context's.
_subscription := s if {
	s := prereq.script_subscription
} else := prereq.facts_subscription

_static := lib.str("PxTeamsConnStaticResourceGroupName")

_owner_scopes := {prereq.scope(a.scope) |
	some a in input.facts.role_assignments
	prereq.ci(a.role, "Owner")
}

_covers(s) if s == sprintf("/subscriptions/%s", [_subscription])

_covers(s) if s == sprintf("/subscriptions/%s/resourcegroups/%s", [_subscription, lower(_static)])

_covers(s) if startswith(s, "/providers/microsoft.management/managementgroups/")

_covers("") # the root scope "/"

_owner if {
	some s in _owner_scopes
	_covers(s)
}

_other_subscription if prereq.facts_subscription != _subscription

verified contains {"id": "PX403", "source": prereq.facts_source} if {
	_roles_known
	_owner
}

not_verified contains {"id": "PX403", "source": _source, "reason": _no_facts_reason("the account's role assignments")} if {
	not _roles_known
}

not_verified contains {"id": "PX403", "source": prereq.facts_source, "reason": "the subscription is not known ($PxSubscriptionId is not set statically and the facts have no subscription)"} if {
	_roles_known
	not _subscription
	not _owner
}

not_verified contains {"id": "PX403", "source": prereq.facts_source, "reason": "$PxTeamsConnStaticResourceGroupName is not known statically, and no Owner role on the subscription or a management group covers every resource group"} if {
	_roles_known
	_subscription
	not _owner
	not _static
}

not_verified contains r if {
	_roles_known
	_static
	not _owner
	_other_subscription
	r := {
		"id": "PX403", "source": prereq.facts_source,
		"reason": sprintf("the facts' role assignments were read in subscription %s, but the script deploys to %s; run Set-AzContext -Subscription %s, then pxlint preflight again", [prereq.facts_subscription, _subscription, _subscription]),
	}
}

deny contains r if {
	_roles_known
	_static
	not _owner
	not _other_subscription
	r := {
		"id": "PX403", "source": prereq.facts_source, "variable": "PxTeamsConnStaticResourceGroupName",
		"msg": sprintf("%s has no Owner role on the static resource group %s, its subscription or a management group above it (it holds: %s); adding the key vault's managed storage account fails with \"Forbidden\"", [_who, _static, _held]),
		"fix": sprintf("ask an Owner of the subscription to assign Owner: New-AzRoleAssignment -SignInName <user> -RoleDefinitionName Owner -Scope /subscriptions/%s (or the resource group once it exists)", [_subscription]),
	}
}

_held := "no role assignment" if count(input.facts.role_assignments) == 0

else := concat(", ", array.slice(sort({sprintf("%s at %s", [a.role, a.scope]) | some a in input.facts.role_assignments}), 0, 5))
