# METADATA
# title: helpers shared by the PX5xx value rules
# description: $PxNodeFqdns split into names (PX502, PX503, PX508).
package pxlint.lib.values

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
