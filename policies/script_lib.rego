# METADATA
# title: helpers shared by the script itself (quoting, expansion, undefined and duplicate variables, encoding)
# description: PX002, PX003, PX004, PX006 and PX009 (PX001, PX007 and PX011 are the engine's, PX005 and PX008 CUE's).
package pxlint.lib.family.script

import data.pxlint.lib

# The model decides what is a secret (any *Password*/*Secret* name, or a
# value passed as one): it arrives as kind "secret", never as text.
_secret(_, var) if var.kind == "secret"
