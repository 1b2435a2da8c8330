# PX506 is not suppressible by default: waiving it is a config error.
waiver "PX506" {
  reason = "we know"
}
rule "PX105" {
  suppressible = false
}
waiver "PX105" {
  reason = "rule block above forbids it"
}
