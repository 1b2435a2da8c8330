rule "PX999" {
  enabled = false
}
waiver "PX0001" {
  reason = "x"
}
rule "bad id!" {
}
