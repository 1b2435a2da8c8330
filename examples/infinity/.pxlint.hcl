# The Pexip Infinity side of variables.ps1: `pxlint lint examples/` judges
# this export together with the scripts this file governs (PX7xx), and
# `pxlint infinity examples/infinity/export --scripts examples/infinity` does
# the same for the export alone.
infinity {
  # A folder of <resource>.json files, or one bundle file written by
  # `pxlint infinity export-script` (relative to this file).
  export = "export"

  # Where callers dial Teams meetings (<conference ID>@<domain>); the
  # domains of Teams Virtual Reception aliases are added.
  teams_domains = ["vc.tailspin.net"]

  # The tenant where the Pexip app was consented (PX706).
  expected_tenant_ids = ["5b1f3c2e-8a4d-4f6b-9c7e-2d1a0b3c4e5f"]

  # Digits of a Teams conference ID: 9 to 12 per Pexip's troubleshooting page.
  teams_id_lengths = [9, 12]
}
