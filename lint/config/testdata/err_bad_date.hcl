waiver "PX105" {
  reason  = "known broad range"
  expires = "2026-02-30"
}
waiver "PX208" {
  reason  = "x"
  expires = "31/01/2026"
}
waiver "PX209" {
  reason  = "x"
  expires = 20260131
}
