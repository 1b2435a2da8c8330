# METADATA
# title: Guest user without the Directory Readers role
# description: >-
#   From the facts' account: a guest user (`user_type` Guest) needs the
#   Directory Readers role (Global Reader and Global Administrator include it)
#   to read the tenant's service principals. Not verified without facts or when
#   the guest's directory roles are unknown.
# custom:
#   id: PX404
#   name: guest-directory-readers
#   severity: error
#   prevents: "\"Get-AzADServicePrincipal : Insufficient privileges\""
#   remediation: >-
#     Have a Privileged Role Administrator assign Directory Readers to the
#     guest, or deploy with a member account.
#   bad: |-
#     # facts.json: "user_type": "Guest", "directory_roles": []
#   good: |-
#     # facts.json: "user_type": "Guest", "directory_roles": ["Directory Readers"]
package pxlint.rules.px404

import data.pxlint.lib.prereq
import data.pxlint.lib.family.prereq_roles._no_facts_reason
import data.pxlint.lib.family.prereq_roles._source
import data.pxlint.lib.family.prereq_roles._who

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
