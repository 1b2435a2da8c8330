# A complete .pxlint.hcl showing every feature, with what each one does.
# Start your own with `pxlint init`; check one with `pxlint config verify`.
#
# WHICH FILE APPLIES
#   pxlint uses, for each script, the nearest .pxlint.hcl in the script's
#   folder or above it, up to the repository root (the folder holding .git;
#   outside git, up to the file-system root). `--config FILE` or the
#   PXLINT_CONFIG environment variable name one file for every script.
#   Command-line flags (--fail-on, --profile, ...) win over values here.
#
# PATHS
#   Glob patterns (exclude, rule paths, waiver paths) are matched against
#   each script's path relative to the repository root (the git top level)
#   and use "/" between folders: "*" matches within one folder, "**" any
#   number of folders ("regions/**/*.ps1" matches regions/a.ps1 and
#   regions/eu/west/a.ps1), "?" one character, [a-z] a set. Outside git,
#   paths are relative to this file's folder instead. The patterns
#   below start with "**/" so they work both here (examples/config/regions/)
#   and in a repository whose scripts are in regions/.
#   Folders and files (policy_dirs, schema_dirs, ca_files) are relative to
#   this file's folder.
#
# ERRORS
#   An unknown block or attribute, a bad value, an unknown rule ID or a waiver
#   without a reason stops pxlint with exit code 2 and file:line:col.

pxlint {
  # Exit code 1 when an active (not suppressed) finding is at or above:
  # "error" (the default), "warning", "info" or "never".
  fail_on = "warning"

  # The connector release these scripts target: "az" (one CVI app, Az
  # pinned to 4.5.0) or "azurerm" (Trusted and Guest apps). When unset it is
  # detected from each script, and "az" when nothing tells.
  profile = "az"

  # The Az module version scripts must pin (PX401).
  az_version = "4.5.0"

  # Warn about certificates expiring within this many days (PX305; the
  # same setting as rule "PX305" { days = 21 }, so set only one of them).
  expiry_days = 21

  # Scripts pxlint neither lints nor loads as repository context (PX206).
  exclude = ["**/testdata/**", "archive/**"]

  # Your own Rego policies (deny/warn/info rules) and CUE schemas (package
  # pxlint, unified with the built-in schema); see examples/policies and
  # examples/schemas. Same as --policy DIR and --schema DIR.
  # policy_dirs = ["../policies"]
  # schema_dirs = ["../schemas"]

  # Extra trusted CA certificates (PEM) for the certificate chain rules,
  # e.g. your enterprise root, relative to this file.
  # ca_files = ["certs/corp-root.pem"]
}

# RULE BLOCKS: one per rule ID. Every attribute is optional.
#   enabled      = false turns the rule off (its status is "disabled").
#   severity     = "error" | "warning" | "info" replaces every level the
#                  rule can emit (an E/W rule becomes all-error, say).
#   suppressible = false forbids inline suppressions and waivers of the rule;
#                  true allows them for a rule that is not suppressible by
#                  default (PX506, plaintext secrets).
#   paths        = [globs] applies this block only to matching scripts.
#   Any other attribute is an option of that rule; `pxlint explain PXnnn`
#   lists them.

# A lab script may use broad ranges; report them as information only there.
rule "PX105" {
  severity          = "info"
  paths             = ["**/regions/lab-*.ps1"]
  min_prefix_length = 12 # accept prefixes down to /12 instead of /16
}

# We run large deployments: warn only above 30 instances.
rule "PX505" {
  max_instances = 30
}

# Base names we consider too generic for a global bot name (replaces the
# built-in list, so repeat the ones you still want).
rule "PX208" {
  generic_names = ["pexip", "teams", "test", "demo", "contoso", "example", "company", "acme"]
}

# A sovereign-cloud region missing from pxlint's list.
rule "PX209" {
  extra_locations = ["germanywestcentral"]
}

# An encoding rule we do not want at all.
rule "PX009" {
  enabled = false
}

# Plaintext secrets: keep them unsuppressible (the default, shown here for
# clarity). A `# pxlint-ignore PX506` comment is then reported as PX010.
rule "PX506" {
  suppressible = false
}

# A rule of one of your own policies (policy_dirs) is tuned the same way,
# by the ID its METADATA declares (custom.id); pxlint checks such IDs once
# the policies are loaded, so this stays commented out here, where
# policy_dirs names none.
# rule "ACME001" {
#   severity = "error"
# }

# VARIABLE BLOCKS: variables the built-in catalog does not know (see
# `pxlint explain PX005`): your site's own, or those of a newer Teams
# Connector release. Each is then known (no PX005) and checked like the
# built-in ones.
#   type      a CUE type the value must satisfy: "string" (the default),
#             "bool", "int & >=1", "[...string]", "\"a\" | \"b\"" (PX509).
#   pattern   a regular expression (RE2) every string of the value must
#             match (PX509).
#   required  true: missing or "" is PX501.
#   parameter the create_vmss_deployment.ps1 parameter it feeds: the call
#             must pass it from this variable (PX601).
variable "PxVmSize" {
  type      = "string"
  pattern   = "^Standard_[A-Za-z0-9_]+$"
  required  = false
  parameter = "VmSize"
}

# WAIVERS: accepted exceptions, reviewed like code.
#   reason    (required) why the exception is acceptable.
#   expires   "YYYY-MM-DD": the waiver covers that whole day (UTC) and stops
#             applying after it; the finding then counts again and says
#             "waiver expired on <date> (.pxlint.hcl:<line>)".
#   paths     [globs]: only these scripts; without paths and variables a
#             waiver covers every script this file governs.
#   variables [names]: only findings about these variables (catalog names,
#             case-insensitive, "$" optional).
# Waived findings stay visible in every output, marked suppressed, and do
# not affect the exit code. A waiver cannot target a rule that is not
# suppressible.

waiver "PX208" {
  paths     = ["**/regions/lab-*.ps1"]
  variables = ["PxBaseConnName"]
  reason    = "lab bot name acme-TeamsBot is registered to our lab tenant (CHG-1042)"
}

waiver "PX105" {
  paths   = ["**/regions/westeurope.ps1"]
  reason  = "partner ranges not yet confirmed; open while onboarding (CHG-4711)"
  expires = "2026-12-31"
}

# THE PEXIP INFINITY SIDE (PX701-PX718): `pxlint lint` also judges this
# export of Infinity's configuration (a folder of <resource>.json or one
# bundle written by `pxlint infinity export-script`, relative to this file)
# together with the scripts this file governs: connector address against
# $PxTeamsConnFqdn, nodes against $PxNodeFqdns and their addresses against
# $PxNodesSourceAddressPrefixes. The other settings are the checks'
# assumptions, as data. A working example: examples/infinity/.pxlint.hcl.
# infinity {
#   export                  = "infinity-export.json"
#   teams_domains           = ["vc.example.com"]  # callers dial <id>@<domain>
#   expected_tenant_ids     = ["0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"]
#   teams_id_lengths        = [9, 12]             # digits of a conference ID
#   allow_backtracking_eval = false               # true: lookarounds evaluated approximately
# }

# INLINE SUPPRESSIONS (in the scripts, not here):
#   # pxlint-ignore PX104,PX105 until=2026-06-30 -- reason
#       on its own line: applies to the next statement;
#       after code on a line: applies to that line.
#   # pxlint-ignore-file PX009 -- reason
#       applies to the whole script.
# A suppression without a reason, with an unknown rule, for a rule that is
# not suppressible, or that matches nothing is reported as PX010 (and
# suppresses nothing).
#
# BASELINE (adopting pxlint on an existing repository):
#   pxlint --write-baseline .pxlint-baseline.json regions/
#   pxlint --baseline .pxlint-baseline.json regions/
# reports only findings that are not in the baseline; the others stay in the
# output as suppressed (kind "baseline") and count in the summary. Entries
# are keyed by rule, repository-relative path, variable and element text (or
# certificate fingerprint), never by line, so unrelated edits keep them valid.
