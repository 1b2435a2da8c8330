# METADATA
# title: Pexip Infinity configuration (pxlint infinity)
# description: |
#   PX701–PX718 judge an export of Infinity's configuration API, with the
#   variables scripts when given (reference/infinity-config.md §5). The input
#   is built by lint/infinity: the reference graph is resolved (effective
#   connector and location per rule and Virtual Reception) and the Python
#   regexes are evaluated there (Rego's regex built-ins are RE2, not Python),
#   so each sample alias arrives with its match and replace result. Results
#   point at `at` (file#json-pointer) plus an optional `field`.
# custom:
#   id: [PX701, PX702, PX703, PX704, PX705, PX706, PX707, PX708, PX709, PX710, PX711, PX712, PX713, PX714, PX715, PX716, PX717, PX718]
package pxlint.rules.infinity

import data.pxlint.lib.family.infinity._judged
import data.pxlint.lib.family.infinity._missing
import data.pxlint.lib.family.infinity.needs

not_verified contains {"id": id, "reason": sprintf("the export has no %s", [concat(", ", sort(_missing(id)))])} if {
	some id, _ in needs
	count(_missing(id)) > 0
}

not_verified contains {"id": id, "reason": "no variables script to compare with (--scripts, or pxlint lint with an infinity block in .pxlint.hcl)"} if {
	some id in {"PX707", "PX709"}
	_judged(id)
	not input.scripts_given
}

not_verified contains {"id": id, "reason": sprintf("%s: $%s cannot be evaluated statically", [s.file, v])} if {
	some [id, v] in [["PX707", "PxNodeFqdns"], ["PX710", "PxNodesSourceAddressPrefixes"], ["PX709", "PxTeamsConnFqdn"]]
	some s in input.scripts
	v in s.unknown
}
