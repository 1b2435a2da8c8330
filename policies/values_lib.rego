# METADATA
# title: helpers shared by the PX5xx value rules
# description: $PxNodeFqdns split into names (PX502, PX503, PX508).
package pxlint.lib.values

# PX501, PX502 for the Conferencing Node names (the Teams Connector FQDN's
# shape is CUE's), PX503, PX505's warning (the whole-number error is CUE's),
# PX506 and PX508: one rule file each, policies/px5NN_*.rego.

import data.pxlint.lib

node_fqdns := "PxNodeFqdns"

# ---------------------------------------------------------------------------
# $PxNodeFqdns: one comma-separated string.

_nodes_string := v if {
	v := lib.str(node_fqdns)
	is_string(v)
}

_parts := split(_nodes_string, ",")

# _trimmed are _parts trimmed, index for index: trimmed once for every
# question asked of them.
_trimmed := [trim_space(p) | some p in _parts]

# _names are the non-empty node names, trimmed, in order.
_names := [t | some t in _trimmed; t != ""]
