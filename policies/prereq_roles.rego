# METADATA
# title: the deploying identity's roles (PX403, PX404, PX405)
# description: |
#   From the facts file's account and role assignments: Owner on the static
#   resource group, held directly, through a group or inherited from the
#   subscription or a management group (PX403); a guest user needs the
#   Directory Readers role (PX404); the facts' Azure context must be the
#   script's subscription, or the roles read there say little (PX405,
#   warning). The local probe cannot see any of this.
# custom:
#   id: [PX403, PX404, PX405]
package pxlint.rules.prereq_roles

import data.pxlint.lib
import data.pxlint.lib.prereq

_roles_known if is_array(input.facts.role_assignments)

_who := sprintf("the signed-in account %s", [input.facts.account.user_principal_name]) if {
	is_string(input.facts.account.user_principal_name)
	input.facts.account.user_principal_name != ""
} else := "the signed-in account"

_no_facts_reason(what) := sprintf("the local probe cannot read %s; run the script pxlint preflight prints and pass --facts", [what]) if {
	input.facts.source == "probe"
} else := sprintf("no workstation facts show %s; run the script pxlint preflight prints and pass --facts", [what])

_source := prereq.facts_source if is_object(input.facts)

else := "script"

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

# --- PX404 -------------------------------------------------------------------

# Roles that include reading the directory's service principals.
_directory_readers := {"directory readers", "global reader", "global administrator", "company administrator"}

_user_type := t if {
	t := input.facts.account.user_type
	t in {"Member", "Guest"}
}

_roles := {lower(r) | some r in input.facts.account.directory_roles}

_roles_listed if is_array(input.facts.account.directory_roles)

verified contains {"id": "PX404", "source": prereq.facts_source} if _user_type == "Member"

verified contains {"id": "PX404", "source": prereq.facts_source} if {
	_user_type == "Guest"
	count(_roles & _directory_readers) > 0
}

not_verified contains {"id": "PX404", "source": _source, "reason": _no_facts_reason("whether the account is a guest")} if {
	not _user_type
}

not_verified contains {"id": "PX404", "source": prereq.facts_source, "reason": "the account is a guest, but the facts do not list its directory roles"} if {
	_user_type == "Guest"
	not _roles_listed
}

deny contains r if {
	_user_type == "Guest"
	_roles_listed
	count(_roles & _directory_readers) == 0
	r := {
		"id": "PX404", "source": prereq.facts_source,
		"msg": sprintf("%s is a guest without the Directory Readers role; Get-AzADServicePrincipal fails with \"Insufficient privileges\"", [_who]),
		"fix": "ask a Privileged Role Administrator to assign the Directory Readers role to this guest (Microsoft Entra ID > Roles and administrators), or deploy with a member account",
	}
}

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
