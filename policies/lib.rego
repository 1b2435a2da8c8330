# METADATA
# title: shared helpers for pxlint policies
package pxlint.lib

# value returns a variable's evaluated value when it is known.
value(name) := v if {
	var := input.variables[name]
	not var.kind in {"unknown", "secret"}
	v := var.value
}

# known is true when the variable is assigned and statically evaluated.
known(name) if {
	var := input.variables[name]
	not var.kind in {"unknown", "secret"}
}

# option returns a rule option from the configuration, or the default.
option(id, key, default_value) := v if {
	v := input.config.rules[id][key]
} else := default_value
