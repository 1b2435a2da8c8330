pxlint {
  fail_on = "sometimes"
  profile = "azure"
}
rule "PX105" {
  severity = "fatal"
}
rule "PX208" {
  severity = "none"
}
