# METADATA
# title: helpers shared by the script itself (quoting, expansion, undefined and duplicate variables, encoding)
# description: PX002, PX003, PX004, PX006 and PX009 (PX001, PX007 and PX011 are the engine's, PX005 and PX008 CUE's).
package pxlint.lib.family.script

import data.pxlint.lib

_secret(name, _) if lib.secret_name(name)

_secret(_, var) if var.kind == "secret"
