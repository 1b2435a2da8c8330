# Outside a git work tree every path below is relative to this folder.
pxlint {
  exclude = ["regions/skip.ps1"]
}

rule "PX105" {
  min_prefix_length = 8
  paths             = ["regions/**"]
}

rule "PX104" {
  severity = "info"
  paths    = ["regions/**"]
}
