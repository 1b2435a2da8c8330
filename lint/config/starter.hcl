# .pxlint.hcl: configuration for pxlint, the linter for the Pexip Teams
# Connector variables script. pxlint uses the nearest .pxlint.hcl found from
# each script's folder upward to the repository root; --config FILE or
# PXLINT_CONFIG name one explicitly. Flags on the command line win over these
# values. Check this file with `pxlint config verify`.
#
# Glob patterns (exclude, paths) are relative to the repository root and use
# "/" between folders; "*" stays within a folder, "**" spans any number.

pxlint {
  # Exit with code 1 when a finding at or above this level is active:
  # "error" (default), "warning", "info" or "never".
  fail_on = "error"

  # Scripts (and repository context) to skip entirely.
  exclude = ["**/testdata/**"]

  # The connector release the scripts target: "az" (one CVI app, Az 4.5.0)
  # or "azurerm" (Trusted and Guest apps). Detected from each script if unset.
  # profile = "az"

  # The Az module version the scripts must pin (PX401).
  # az_version = "4.5.0"

  # Warn when a certificate expires within this many days (PX305).
  # expiry_days = 30

  # Your own Rego policies and CUE schemas, relative to this file's folder.
  # policy_dirs = ["pxlint/policies"]
  # schema_dirs = ["pxlint/schemas"]
}

# Tune one rule. Every attribute is optional.
# rule "PX105" {
#   enabled  = true
#   severity = "error"           # replaces every level of the rule
#   paths    = ["regions/**"]    # only for these scripts
# }

# Accept a known exception, with a reason and an end date. Expired waivers
# stop applying and pxlint says so.
# waiver "PX208" {
#   paths     = ["regions/lab.ps1"]
#   variables = ["PxBaseConnName"]
#   reason    = "lab tenant; bot name registered by us (TICKET-123)"
#   expires   = "2026-12-31"
# }

# Judge the Pexip Infinity side too (PX701-PX718): an export written by the
# script `pxlint infinity export-script` prints, checked with the scripts
# this file governs.
# infinity {
#   export              = "infinity-export.json"
#   teams_domains       = ["vc.example.com"]
#   expected_tenant_ids = ["00000000-0000-0000-0000-000000000000"] # your tenant
#   teams_id_lengths    = [9, 12]
# }
