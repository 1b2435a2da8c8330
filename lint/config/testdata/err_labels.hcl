pxlint "main" {
}
rule {
}
waiver "PX105" "PX208" {
  reason = "x"
}
