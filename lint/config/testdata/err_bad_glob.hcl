pxlint {
  exclude = ["/abs/*.ps1", "a/[b"]
}
rule "PX105" {
  paths = ["../up/*.ps1", "x**y"]
}
waiver "PX208" {
  reason = "x"
  paths  = ["regions\\eu.ps1"]
}
