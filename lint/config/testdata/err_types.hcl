pxlint {
  exclude     = "legacy/**"
  expiry_days = 7.5
  az_version  = "4.5"
  fail_on     = null
}
rule "PX105" {
  enabled           = "no"
  paths             = [1, 2]
  min_prefix_length = var.prefix
}
waiver "PX208" {
  reason    = "x"
  variables = [true]
}
