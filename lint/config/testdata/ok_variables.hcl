variable "PxVmSize" {
  type      = "string"
  pattern   = "^Standard_[A-Za-z0-9_]+$"
  required  = true
  parameter = "-VmSize"
}

variable "$PxPrivateRouting" {
  type = "bool"
}
