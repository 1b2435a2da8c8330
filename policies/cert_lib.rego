# METADATA
# title: certificate helpers for the PX3xx policies
# description: |
#   Reads input.certificates (lint/cert facts): the Teams Connector
#   certificate and the Conferencing Node certificates, which files could be
#   judged, where findings point, name coverage with wildcards, and time.
package pxlint.lib.cert

# What the certificate rules read (notes from the former family files):
# PX306 and PX307 read the chain lint/cert tried to build from the leaf to
# a trusted root (system roots, the built-in fallback bundle, --ca-file);
# PX312 the AIA caIssuers URLs of the intermediates, fetched only with
# --online.
# PX301 and PX302 judge the Teams Connector PFX; PX308 and PX311 every
# certificate that was read.
# PX303 checks the Teams Connector certificate against $PxTeamsConnFqdn,
# PX309 every name of $PxNodeFqdns against the --node-cert certificates.
# A wildcard covers exactly one left-most label.
# PX304 and PX305 judge the leaf and the chain that was built, at the
# injectable clock (input.context.now). Spare certificates in a file that
# the chain does not use are not judged.

import data.pxlint.lib

# teams is the Teams Connector certificate's facts, when one is named.
teams := input.certificates.teams_connector if {
	input.certificates.teams_connector != null
}

# files are every certificate file with its role: "teams" or "node".
files contains {"role": "teams", "facts": teams} if teams

files contains {"role": "node", "facts": f} if {
	some f in input.certificates.nodes
}

# readable are the files whose certificates were read.
readable contains e if {
	some e in files
	e.facts.status == "read"
}

# teams_read is true when the Teams Connector certificate was read.
teams_read if teams.status == "read"

# teams_reason says why the Teams Connector certificate cannot be judged.
teams_reason := "$PxPfxCertFileName cannot be evaluated statically; give the certificate with --cert" if {
	not teams
	lib.assigned("PxPfxCertFileName")
	not lib.known("PxPfxCertFileName")
} else := "no Teams Connector certificate: $PxPfxCertFileName is not set and no --cert was given" if {
	not teams
} else := teams.reason if {
	teams.status in {"absent", "locked"}
} else := sprintf("the certificate file %s could not be read (PX310)", [teams.path]) if {
	teams.status == "unreadable"
}

# none_read is true when no certificate at all could be judged: a rule of
# its own, so that OPA counts once per query what every certificate rule
# asks.
none_read if count(readable) == 0

# nothing_read_reason says why no certificate at all could be judged.
nothing_read_reason := concat("; ", sort(reasons)) if {
	none_read
	reasons := {r |
		some e in files
		r := _file_reason(e)
	} | {teams_reason | not teams}
}

_file_reason(e) := e.facts.reason if e.facts.status in {"absent", "locked"}

_file_reason(e) := sprintf("the certificate file %s could not be read (PX310)", [e.facts.path]) if {
	e.facts.status == "unreadable"
}

# label names a file in messages.
label(e) := sprintf("Teams Connector certificate %s", [e.facts.path]) if e.role == "teams"

label(e) := sprintf("Conferencing Node certificate %s", [e.facts.path]) if e.role == "node"

# at is where a finding about a whole file points: the assignment of
# $PxPfxCertFileName for the Teams Connector certificate, of $PxNodeFqdns for
# a node certificate (when the script assigns it), with the certificate as a
# related location and its fingerprint for baselines.
at(e) := object.union(_variable(e), _cert(e))

_cert(e) := {"cert": e.facts.path, "fingerprint": e.facts.leaf.fingerprint} if {
	e.facts.leaf.fingerprint
} else := {"cert": e.facts.path}

_variable(e) := {"variable": "PxPfxCertFileName"} if {
	e.role == "teams"
	lib.assigned("PxPfxCertFileName")
} else := {"variable": "PxNodeFqdns"} if {
	e.role == "node"
	lib.assigned("PxNodeFqdns")
} else := {}

# covers is true when a certificate DNS name covers a host name: equal, or a
# wildcard that stands for exactly one left-most label (case-insensitive,
# trailing dot ignored).
covers(pattern, name) if _norm(pattern) == _norm(name)

covers(pattern, name) if {
	p := _norm(pattern)
	startswith(p, "*.")
	n := _norm(name)
	i := indexof(n, ".")
	i > 0
	substring(n, i + 1, -1) == substring(p, 2, -1)
	not startswith(n, "*")
}

_norm(s) := trim_suffix(lower(trim_space(s)), ".")

# covered is true when any DNS name of the leaf covers the name.
covered(leaf, name) if {
	some d in leaf.dns_names
	covers(d, name)
}

# names lists a leaf's DNS names for messages.
names(leaf) := "no DNS names" if count(leaf.dns_names) == 0

names(leaf) := concat(", ", leaf.dns_names) if count(leaf.dns_names) > 0

# now_ns is the injectable clock in nanoseconds.
now_ns := time.parse_rfc3339_ns(input.context.now) if input.context.now != ""

# chain_links are the certificates whose validity counts: the built chain
# (leaf first), or the leaf alone when the facts hold no path.
chain_links(f) := f.chain.path if count(f.chain.path) > 0

chain_links(f) := [{"subject": f.leaf.subject, "fingerprint": f.leaf.fingerprint, "not_before": f.leaf.not_before, "not_after": f.leaf.not_after}] if {
	count(f.chain.path) == 0
}

# node_names are the Conferencing Node names of $PxNodeFqdns: one
# comma-separated string (an array is tolerated here; PX503 owns its shape).
node_names contains n if {
	v := lib.value("PxNodeFqdns")
	is_string(v)
	some part in split(v, ",")
	n := trim_space(part)
	n != ""
}

node_names contains n if {
	v := lib.value("PxNodeFqdns")
	is_array(v)
	some x in v
	is_string(x)
	n := trim_space(x)
	n != ""
}

# day_ns is one day in nanoseconds.
day_ns := (24 * 3600) * 1000000000

# expiry_days is PX305's threshold: the rule option `days`, else
# --expiry-days (input.config.expiry_days), else 30.
expiry_days := d if {
	d := input.config.rules.PX305.days
	is_number(d)
} else := d if {
	d := input.config.expiry_days
	is_number(d)
	d > 0
} else := 30
