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

# _names are the non-empty node names, trimmed, in order.
_names := [trim_space(p) | some p in _parts; trim_space(p) != ""]
