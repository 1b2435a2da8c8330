# METADATA
# title: helpers shared by the deploying identity's roles (PX403, PX404, PX405)
# description: |
#   From the facts file's account and role assignments: Owner on the static
#   resource group, held directly, through a group or inherited from the
#   subscription or a management group (PX403); a guest user needs the
#   Directory Readers role (PX404); the facts' Azure context must be the
#   script's subscription, or the roles read there say little (PX405,
#   warning). The local probe cannot see any of this.
package pxlint.lib.family.prereq_roles

import data.pxlint.lib.prereq

_who := sprintf("the signed-in account %s", [input.facts.account.user_principal_name]) if {
	is_string(input.facts.account.user_principal_name)
	input.facts.account.user_principal_name != ""
} else := "the signed-in account"

_no_facts_reason(what) := sprintf("the local probe cannot read %s; run the script pxlint preflight prints and pass --facts", [what]) if {
	input.facts.source == "probe"
} else := sprintf("no workstation facts show %s; run the script pxlint preflight prints and pass --facts", [what])

_source := prereq.facts_source if is_object(input.facts)

else := "script"
