variable "VmSize" {
}

variable "PxA" {
  pattern = "(unclosed"
  parameter = "Vm Size"
  colour = "blue"
}

variable "PxB" {}

variable "pxb" {}

variable {
}
