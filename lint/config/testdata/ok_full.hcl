pxlint {
  fail_on     = "warning"
  profile     = "azurerm"
  az_version  = "4.5.0"
  expiry_days = 45
  exclude     = ["**/testdata/**", "legacy/*.ps1"]
  policy_dirs = ["policies"]
  schema_dirs = ["./schemas"]
  ca_files    = ["ca.pem"]
}

rule "PX101" {
  enabled = false
}

rule "px105" {
  severity          = "error"
  paths             = ["regions/**"]
  min_prefix_length = 12
}

rule "PX506" {
  suppressible = true
}

waiver "PX506" {
  paths     = ["lab/*.ps1"]
  variables = ["$PxWinAdminPassword"]
  reason    = "lab only, rotated daily"
  expires   = "2026-12-31"
}

waiver "PX208" {
  reason = "bot name registered by us"
}
