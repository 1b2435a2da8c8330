waiver "PX105" {
  paths = ["regions/*.ps1"]
}
waiver "PX208" {
  reason = "   "
}
