fail_on = "error"

pxlint {
  fail_onn = "error"
  colour   = "red"
}

rules "PX105" {
}

rule "PX105" {
  enable = false
  min_prefix = 8
  nested {
  }
}

rule "PX101" {
  max = 3
}

waiver "PX105" {
  reason = "x"
  expire = "2026-01-01"
}
