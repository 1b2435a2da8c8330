# METADATA
# title: "Az version that will load is not the pinned, working one"
# description: >-
#   Judges the Az version the deployment will load (az profile only). From the
#   script: `#Requires -Modules`, `Install-Module` and `Import-Module` of `Az`
#   or `Az.Resources` with `-RequiredVersion`, `-MinimumVersion`,
#   `-MaximumVersion`; from the facts: the installed versions (several side by
#   side are normal; without a pin PowerShell loads the newest). Error: a pin to
#   another version than the release needs (4.5.0 by default, `az_version` in
#   the config), a pinned version that is not installed, a minimum version that
#   admits Az 4.6, or an unpinned load whose newest installed Az is 4.6.0/4.6.1
#   (Az.Resources 2.5.0). Warning: nothing pins the version and nothing shows
#   what will load, or the newest installed is another version.
# custom:
#   id: PX401
#   name: az-version
#   severity: error
#   levels: [error, warning]
#   prevents: "\"Template parameter JToken type is not valid\""
#   remediation: >-
#     Pin the version at the top of the script: `#Requires -Modules @{
#     ModuleName="Az"; RequiredVersion="4.5.0" }`, and install it side by side:
#     `Install-Module -Name Az -RequiredVersion 4.5.0 -Scope CurrentUser
#     -AllowClobber`.
#   bad: |-
#     Import-Module Az -MinimumVersion 4.0.0
#   good: |-
#     #Requires -Modules @{ ModuleName="Az"; RequiredVersion="4.5.0" }
package pxlint.rules.px401

# Judges the Az version the deployment will load, from the script
# (#Requires -Modules, Install-Module, Import-Module with -RequiredVersion,
# -MinimumVersion, -MaximumVersion) and the installed modules of the
# workstation facts. Az 4.6.0/4.6.1 (Az.Resources 2.5.0) break the
# deployment; the target release needs lib.prereq.required_az. Several
# installed versions side by side are normal: without a pin PowerShell loads
# the newest. Applies to the az profile only.

import data.pxlint.lib
import data.pxlint.lib.prereq

_watched := {"az", "az.resources"}

_label := {"az": "Az", "az.resources": "Az.Resources"}

_command_kind := {"install-module": "install", "import-module": "import"}

_module_commands := {"install-module", "import-module"}

# _pins are the script's statements about Az and Az.Resources, normalised:
# kind "requires" and "import" decide what loads, "install" what is present.
_pins contains p if {
	some r in input.requires
	m := lower(r.name)
	m in _watched
	p := {
		"module": m, "kind": "requires", "line": r.line,
		"exact": object.get(r, "required_version", ""),
		"min": object.get(r, "version", ""),
		"max": object.get(r, "maximum_version", ""),
		"what": "#Requires -Modules",
	}
}

_pins contains p if {
	count(_module_commands & lib.command_names) > 0
	some c in input.commands
	kind := _command_kind[lower(c.name)]
	some m in _module_names(c)
	m in _watched
	p := {
		"module": m, "kind": kind, "line": c.line,
		"exact": _param(c, "RequiredVersion"),
		"min": _param(c, "MinimumVersion"),
		"max": _param(c, "MaximumVersion"),
		"what": c.name,
	}
}

_module_names(c) := {lower(n) | some n in _names(c)}

_names(c) := [v] if {
	some p in c.parameters
	p.name == "Name"
	v := p.value.value
	is_string(v)
} else := vs if {
	some p in c.parameters
	p.name == "Name"
	vs := [v | some v in p.value.value; is_string(v)]
} else := [v] if {
	v := c.positional[0].value
	is_string(v)
} else := []

# _param is a version parameter's value as text ("" when absent). A bare
# number (`-MinimumVersion 4.0`) keeps its source text, which the model's
# numeric value (4) would lose.
_param(c, name) := v if {
	some p in c.parameters
	p.name == name
	x := p.value.value
	x != null
	v := _version_text(x, object.get(p.value, "text", ""))
} else := ""

_version_text(x, _) := x if is_string(x)

_version_text(x, text) := text if {
	is_number(x)
	prereq.version_ok(text)
}

_version_text(x, text) := sprintf("%v", [x]) if {
	is_number(x)
	not prereq.version_ok(text)
}

_load_pins(m) := [p | some p in _pins; p.module == m; p.kind != "install"]

_admits(p, v) if {
	p.exact != ""
	prereq.same(v, p.exact)
}

_admits(p, v) if {
	p.exact == ""
	_min_ok(p, v)
	_max_ok(p, v)
}

_min_ok(p, _) if p.min == ""

_min_ok(p, v) if {
	p.min != ""
	not prereq.older(v, p.min)
}

_max_ok(p, _) if p.max == ""

_max_ok(p, v) if {
	p.max != ""
	not prereq.older(p.max, v)
}

_range(p) := concat(", ", [s |
	some k, label in {"min": "MinimumVersion", "max": "MaximumVersion"}
	p[k] != ""
	s := sprintf("%s %s", [label, p[k]])
])

_install_fix := sprintf("Install-Module -Name Az -RequiredVersion %s -Scope CurrentUser -AllowClobber", [prereq.required_az])

_applies if input.profile == "az"

# --- what the script says ---------------------------------------------------

# A: a pin to another version than the release needs (Az), or to the broken one (Az.Resources).
_script_errors contains r if {
	_applies
	some p in _pins
	p.module == "az"
	p.exact != ""
	not prereq.is_required_az(p.exact)
	r := {
		"id": "PX401", "source": "script", "line": p.line,
		"msg": sprintf("%s pins Az %s; this release needs Az %s%s", [p.what, p.exact, prereq.required_az, _bad_note(p.module, p.exact)]),
		"fix": sprintf(`RequiredVersion "%s" (e.g. %s)`, [prereq.required_az, prereq.requires_line]),
	}
}

_script_errors contains r if {
	_applies
	some p in _pins
	p.module == "az.resources"
	p.exact in prereq.bad["az.resources"]
	r := {
		"id": "PX401", "source": "script", "line": p.line,
		"msg": sprintf("%s pins Az.Resources %s (Az 4.6), which fails with \"Template parameter JToken type is not valid\"", [p.what, p.exact]),
		"fix": prereq.requires_line,
	}
}

# B: a range that lets the broken versions load.
_script_errors contains r if {
	_applies
	some m in _watched
	some p in _load_pins(m)
	p.exact == ""
	_range(p) != ""
	admitted := sort([b | some b in prereq.bad[m]; _admits(p, b)])
	count(admitted) > 0
	r := {
		"id": "PX401", "source": "script", "line": p.line,
		"msg": sprintf("%s %s %s admits %s %s, which fails with \"Template parameter JToken type is not valid\"", [p.what, _label[m], _range(p), _label[m], concat(", ", admitted)]),
		"fix": sprintf(`pin the version instead: %s`, [prereq.requires_line]),
	}
}

_bad_note(m, v) := " (Az 4.6.0/4.6.1 fail with \"Template parameter JToken type is not valid\")" if v in prereq.bad[m]

else := ""

deny contains r if some r in _script_errors

# --- pinned to the required version ---------------------------------------

_right_pins := [p | some p in _load_pins("az"); p.exact != ""; prereq.is_required_az(p.exact)]

_pinned if count(_right_pins) > 0

# Versions the script itself installs count as installed.
_available(m) := prereq.installed(m) | {p.exact | some p in _pins; p.module == m; p.kind == "install"; prereq.version_ok(p.exact)}

_required_available if {
	some v in _available("az")
	prereq.is_required_az(v)
}

deny contains r if {
	_applies
	count(_script_errors) == 0
	_pinned
	prereq.modules_known
	not _required_available
	p := _right_pins[0]
	r := {
		"id": "PX401", "source": prereq.facts_source, "line": p.line,
		"msg": sprintf("%s pins Az %s, but the workstation has %s: PowerShell will refuse to load it", [p.what, prereq.required_az, _installed_text("az")]),
		"fix": _install_fix,
	}
}

# At most _max_listed versions are named (a build agent may have thousands).
_max_listed := 5

_installed_text(m) := sprintf("%s %s installed", [_label[m], _listed(sort(prereq.installed(m)))]) if count(prereq.installed(m)) > 0

else := sprintf("no %s installed", [_label[m]])

_listed(vs) := concat(", ", vs) if count(vs) <= _max_listed

else := sprintf("%s and %d more", [concat(", ", array.slice(vs, 0, _max_listed)), count(vs) - _max_listed])

# --- not pinned: what will load is the newest installed version ------------

# Ranges that exclude the broken versions still constrain what loads.
_candidates(m) := {v | some v in _available(m); every p in _load_pins(m) {
	_admits(p, v)
}}

_will_load(m) := prereq.newest(_candidates(m))

# The Az meta-module loads the Az.Resources its manifest pins; only without
# any Az load does autoloading pick the newest Az.Resources on its own.
_loads_az if count(_load_pins("az")) > 0

_unpinned_problems contains r if {
	not _available_any
	r := {
		"severity": "error", "source": prereq.facts_source,
		"msg": sprintf("the workstation facts show no Az module installed; this release needs Az %s", [prereq.required_az]),
		"fix": sprintf("%s, and add %s to the script", [_install_fix, prereq.requires_line]),
	}
}

_available_any if count(_available("az")) > 0

_unpinned_problems contains r if {
	_available_any
	count(_candidates("az")) == 0
	r := {
		"severity": "error", "source": prereq.facts_source,
		"msg": sprintf("no installed Az satisfies the script's version constraints (%s)", [_installed_text("az")]),
		"fix": sprintf("%s, and pin it: %s", [_install_fix, prereq.requires_line]),
	}
}

_unpinned_problems contains r if {
	v := _will_load("az")
	v in prereq.bad.az
	r := {
		"severity": "error", "source": prereq.facts_source,
		"msg": sprintf("nothing pins Az, so PowerShell will load the newest installed, Az %s, which fails with \"Template parameter JToken type is not valid\"", [v]),
		"fix": sprintf("add %s (and %s if it is missing)", [prereq.requires_line, _install_fix]),
	}
}

_unpinned_problems contains r if {
	not _loads_az
	v := _will_load("az.resources")
	v in prereq.bad["az.resources"]
	r := {
		"severity": "error", "source": prereq.facts_source,
		"msg": sprintf("nothing loads a pinned Az, so cmdlets autoload the newest installed Az.Resources, %s (Az 4.6), which fails with \"Template parameter JToken type is not valid\"", [v]),
		"fix": sprintf("add %s, or Uninstall-Module -Name Az.Resources -RequiredVersion %s", [prereq.requires_line, v]),
	}
}

_unpinned_problems contains r if {
	v := _will_load("az")
	not v in prereq.bad.az
	not prereq.is_required_az(v)
	r := {
		"severity": "warning", "source": prereq.facts_source,
		"msg": sprintf("nothing pins Az, so PowerShell will load the newest installed, Az %s, not the Az %s this release needs", [v, prereq.required_az]),
		"fix": sprintf("add %s (and %s if it is missing)", [prereq.requires_line, _install_fix]),
	}
}

# Where an unpinned finding points: the statement that loads or installs Az
# without pinning it, else the file.
_unpinned_line := min({p.line | some p in _pins; p.module == "az"})

_located(r) := object.union(r, {"line": _unpinned_line}) if _unpinned_line

else := r

deny contains _located(object.union(p, {"id": "PX401"})) if {
	_applies
	count(_script_errors) == 0
	not _pinned
	prereq.modules_known
	some p in _unpinned_problems
}

deny contains _located(r) if {
	_applies
	count(_script_errors) == 0
	not _pinned
	not prereq.modules_known
	r := {
		"id": "PX401", "severity": "warning", "source": "script",
		"msg": sprintf("nothing pins the Az version and no workstation facts show which Az will load; Az 4.6.0/4.6.1 fail with \"Template parameter JToken type is not valid\" (this release needs Az %s)", [prereq.required_az]),
		"fix": sprintf("add %s", [prereq.requires_line]),
	}
}

# --- passes ---------------------------------------------------------------

verified contains {"id": "PX401", "source": s} if {
	_applies
	count(deny) == 0
	_pinned
	s := _pin_source
}

_pin_source := prereq.facts_source if prereq.modules_known

else := "script"

verified contains {"id": "PX401", "source": prereq.facts_source} if {
	_applies
	count(deny) == 0
	not _pinned
	prereq.modules_known
	prereq.is_required_az(_will_load("az"))
}

not_verified contains {"id": "PX401", "source": "script", "reason": sprintf("applies to the az profile only (this script's profile is %s)", [input.profile])} if {
	not _applies
}
