pxlint {
  fail_on = "error"
}
pxlint {
  fail_on = "warning"
}
rule "PX105" {
  enabled = false
}
rule "px105" {
  enabled = true
}
