pxlint {
  fail_on = "error
}
