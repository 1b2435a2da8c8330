# METADATA
# title: shared helpers for pxlint policies
# description: |
#   Values, options and the "one owning rule" predicates every policy uses:
#   a rule that depends on a value skips it when the value is unknown (the
#   engine reports PX007), missing or empty (PX501), bare (PX002) or malformed
#   (the rule that owns the shape).
package pxlint.lib

# value returns a variable's evaluated value when it is known. The lookups go
# through partial rules, which OPA caches per query: every policy asks for
# the same few variables many times.
value(name) := _values[name]

_values[name] := var.value if {
	some name, var in input.variables
	not var.kind in {"unknown", "secret"}
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

# number_option is option for numeric settings: a configured value that is
# not a number is ignored (the configuration loader reports it), so a typo
# never silently changes a comparison's meaning.
number_option(id, key, default_value) := v if {
	v := input.config.rules[id][key]
	is_number(v)
} else := default_value

# strings_option is option for lists of strings; anything else takes the default.
strings_option(id, key, default_value) := v if {
	v := input.config.rules[id][key]
	is_array(v)
	every x in v {
		is_string(x)
	}
} else := default_value

# str returns a known string value that is not empty or blank and not a
# single-quoted `$(...)`: an empty or missing value is PX501's and an
# unexpanded one PX003's, so dependent rules use str and skip them.
str(name) := _strs[name]

# (The variable itself, not _values: a lookup of that partial rule is one
# more rule evaluation per name, and a value that is no string rules the
# name out first.)
_strs[name] := v if {
	some name, var in input.variables
	v := var.value
	is_string(v)
	not var.kind in {"unknown", "secret"}
	trim_space(v) != ""
	not unexpanded(var)
}

# assigned is true when the script assigns the variable at all.
assigned(name) if input.variables[name]

# blank is true for the values PX501 treats as "not set".
blank(null)

blank(v) if {
	is_string(v)
	trim_space(v) == ""
}

blank([]) # as blank(null): the argument's unification is the whole test

# plural returns "n thing" or "n things".
plural(n, thing) := sprintf("%d %s", [n, thing]) if n == 1

plural(n, thing) := sprintf("%d %ss", [n, thing]) if n != 1

# catalog holds the profile's variable names (schemas/profiles.cue, which
# the engine copies into input.profile_data): one list for CUE and Rego.
catalog := {n | some n in input.profile_data.variables}

# unexpanded is true for a single-quoted value or element that holds `$(` or
# a known `$Px` variable, which PowerShell keeps literally: PX003 owns it, and
# rules about the value's content skip it.
unexpanded(x) if {
	x.quote in {"single", "here-single"} # px003 repeats this test inline, before its calls
	is_string(x.value)
	_expands(x.value)
}

_expands(s) if contains(s, "$(")

_expands(s) if {
	some m in regex.find_n(`\$\{?[Pp][Xx][A-Za-z0-9_]+`, s, -1)
	lower(trim_left(m, "${")) in _known_lower
}

_known_lower := {lower(n) | some n in catalog} | {lower(n) | some n, _ in input.variables}

# ---------------------------------------------------------------------------
# IPv4 addresses and prefixes

# address_variables are the NSG inputs (PX1xx).
address_variables := {"PxNodesSourceAddressPrefixes", "PxMgmtSrcAddrPrefixes"}

_octet := `(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])`

# is_ipv4 is true for a dotted-quad IPv4 address without leading zeros.
is_ipv4(s) if regex.match(_ipv4_re, s)

_ipv4_re := sprintf(`^%s(\.%s){3}$`, [_octet, _octet])

# is_cidr is true for a well-formed IPv4 CIDR prefix (host bits may be set).
is_cidr(s) if {
	parts := split(s, "/")
	count(parts) == 2
	is_ipv4(parts[0])
	regex.match(`^(3[0-2]|[12]?[0-9])$`, parts[1])
}

# is_address is true for an address or prefix Azure's NSG parser accepts in shape.
is_address(s) if is_ipv4(s)

is_address(s) if is_cidr(s)

# looks_like_address is true for source text meant as an address, even a
# broken one (`10.0.0.300`, `10.0.0.0/33`): PX002 owns it when it is bare.
looks_like_address(s) if regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}(/[0-9]{1,3})?$`, s)

# ip_int is the 32-bit integer of a dotted-quad address.
ip_int(ip) := n if {
	o := [to_number(x) | some x in split(ip, ".")]
	n := (((o[0] * 256) + o[1]) * 256 + o[2]) * 256 + o[3]
}

# int_ip is the dotted quad of a 32-bit integer.
int_ip(n) := sprintf("%s.%s.%s.%s", [
	format_int(floor(n / 16777216) % 256, 10),
	format_int(floor(n / 65536) % 256, 10),
	format_int(floor(n / 256) % 256, 10),
	format_int(n % 256, 10),
])

# prefix splits an address or prefix into its address and length (/32 for an address).
prefix(s) := {"ip": parts[0], "len": to_number(parts[1])} if {
	is_cidr(s)
	parts := split(s, "/")
}

prefix(s) := {"ip": s, "len": 32} if is_ipv4(s)

# host_size is the number of addresses in a prefix of the given length.
host_size(len) := bits.lsh(1, 32 - len)

# host_bits_set is true for a CIDR prefix whose address is not its network
# address. net.cidr_merge writes a prefix as its network (it is one builtin
# call where the arithmetic of network is a dozen evaluations, and every
# address rule asks it of every entry); an address alone is a /32, whose
# host bits are never set.
host_bits_set(s) if {
	is_cidr(s)
	not s in net.cidr_merge([s])
}

# network is the network prefix of a CIDR prefix (`91.90.42.96/26` → `91.90.42.64/26`).
network(s) := sprintf("%s/%d", [int_ip(n - (n % host_size(p.len))), p.len]) if {
	p := prefix(s)
	n := ip_int(p.ip)
}

# natural_len is the shortest prefix length at which the address is a network
# address (`91.90.42.96` → 27): what a user who wrote `91.90.42.96/26` may have meant.
natural_len(ip) := min({l | some l in numbers.range(0, 32); ip_int(ip) % host_size(l) == 0})

# good_prefix is true for a well-formed prefix without host bits: the values
# PX104–PX108 judge (PX101/PX102 own the others).
good_prefix(s) if {
	is_address(s)
	not host_bits_set(s)
}

# cidr writes an address as a /32 prefix, so net.* builtins compare like with like.
cidr(s) := s if contains(s, "/")

cidr(s) := concat("", [s, "/32"]) if not contains(s, "/")

# address_facts maps each value of the address variables' entries (own and
# appended) to what the PX1xx rules ask of it: `address` (is_address),
# `good` (good_prefix), `host_bits` (host_bits_set), and for an address or
# prefix its `cidr` and prefix `len`. Each rule asks the same of every
# entry, and the functions above would work it out again per call; a
# partial rule does it once per value and query.
address_facts[s] := _address_facts(s) if _entry_values[s]

_entry_values := {e.value | some name in address_variables; some e in _all_entries[name]}

_address_facts(s) := {"address": true, "good": true, "host_bits": false, "cidr": concat("", [s, "/32"]), "len": 32} if {
	regex.match(_ipv4_re, s)
} else := {"address": true, "good": good, "host_bits": good == false, "cidr": s, "len": to_number(split(s, "/")[1])} if {
	regex.match(_cidr_re, s)
	good := s in net.cidr_merge([s])
} else := {"address": false, "good": false, "host_bits": false}

_cidr_re := sprintf(`^%s(\.%s){3}/(3[0-2]|[12]?[0-9])$`, [_octet, _octet])

# entries are the usable string entries of an address variable, written in
# the variable's own assignment: {value, element} for array elements (element
# is the 0-based index), {value} for a one-string value. Bare, unknown and
# appended (`+ $PxMgmtSrcAddrPrefixes`) elements are left out: PX002, PX007
# and the source variable own them.
entries(name) := object.get(_own_entries, name, set())

# (One object for both variables: the rules ask for both, and each lookup
# is then one builtin call.)
_own_entries := {name: {e | some e in _all_entries[name]; not e.from} | some name in address_variables}

# all_entries also keeps elements appended from another variable (with `from`),
# for rules about the resulting list (overlap, consent source).
all_entries(name) := _all_entries[name]

# _all_entries is a partial rule so that OPA computes each list once per query.
_all_entries[name] := {_entry(el, v, i) |
	some i, el in input.variables[name].elements
	v := _entry_value(el)
} if {
	some name in address_variables
	input.variables[name].kind == "array"
}

_all_entries[name] := {{"value": var.value} |
	not unexpanded(var)
} if {
	some name in address_variables
	var := input.variables[name]
	var.kind == "string"
}

# _entry_value is what an element gives the address list: a written or
# evaluated string, or the text of a bare element that is no address (`5`,
# `10.0`), which PowerShell passes on as that text and Azure rejects; a bare
# address is PX002's, so it is left out.
_entry_value(el) := el.value if {
	el.kind in {"quoted", "expression"}
	is_string(el.value)
	not unexpanded(el)
} else := el.text if {
	el.kind == "bare"
	not looks_like_address(el.text)
}

_entry(el, v, i) := {"value": v, "element": i, "from": el.from} if {
	el.from != ""
} else := {"value": v, "element": i}

# ---------------------------------------------------------------------------
# Names

# base_ok is true when $PxBaseConnName is usable for derived names: set, and
# not broken in the ways PX201 (error) owns.
base_ok if regex.match(`^[A-Za-z0-9]{1,9}$`, str("PxBaseConnName"))

# region_ok is true when $PxVmssRegion is usable: set, and valid for PX202.
region_ok if regex.match(`^[a-z]+$`, str("PxVmssRegion"))

# ---------------------------------------------------------------------------
# The deployment call

# command_names are the lower-case names of the script's commands: a rule
# about a few commands intersects its names with them first, and looks at
# each command only when one is there (most scripts call none of them).
command_names := {lower(c.name) | some c in input.commands}

# deployment_calls are the script's calls of create_vmss_deployment.ps1.
deployment_calls := {c |
	some c in input.commands
	lower(c.name) == "create_vmss_deployment.ps1"
} if "create_vmss_deployment.ps1" in command_names

else := set()

# param returns a command's parameter by canonical name (case-insensitive).
# The model writes the parameters of a known command in their canonical
# spelling, so the exact name is looked for first: lowering every
# parameter's name costs several evaluations each.
param(cmd, name) := p if {
	some p in cmd.parameters
	p.name == name
} else := p if {
	n := lower(name) # once, not once per parameter
	some p in cmd.parameters
	lower(p.name) == n
}

# ---------------------------------------------------------------------------
# Required variables (PX501 owns missing and empty values)

# required_names are the variables the profile requires (RULES.md PX501;
# schemas/profiles.cue `required`, copied into input.profile_data), but
# $PxWinAdminUser, which is required unless a credential is obtained otherwise.
required_names := {n | some n in input.profile_data.required} - {"PxWinAdminUser"}

required := (required_names | _admin_user_required) | declared_required

# declared_required are the variables a .pxlint.hcl `variable` block
# declares required (a site's own, or a newer release's).
declared_required := {v.name | some v in input.config.variables; v.required}

_admin_user_required := set() if {
	admin_credential_otherwise
} else := {n | n := "PxWinAdminUser"; n in input.profile_data.required}

# admin_credential_otherwise is true when the VM credential does not come from
# $PxWinAdminUser: $PxWinAdminCred is assigned without using it (e.g. a bare
# Get-Credential), or the deployment call's -VMAdminCredential is fed by
# something else.
admin_credential_otherwise if {
	input.variables.PxWinAdminCred
	not _cred_built_from_user
}

admin_credential_otherwise if {
	some c in deployment_calls
	p := param(c, "VMAdminCredential")
	p.value
	not _from_admin_variables(p.value)
}

_from_admin_variables(arg) if arg.variable in {"PxWinAdminCred", "PxWinAdminSecurePassword"}

_from_admin_variables(arg) if contains(lower(arg.text), "pxwinadmin")

_cred_built_from_user if {
	some a in input.variables.PxWinAdminCred.assignments
	some ref in input.references
	ref.name == "PxWinAdminUser"
	ref.line >= a.span.start_line
	ref.line <= a.span.end_line
}

# required_missing is true for a required variable the script never assigns.
required_missing(name) if {
	name in required
	not input.variables[name]
}
