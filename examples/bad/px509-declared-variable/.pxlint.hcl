# A newer release's variable, declared so pxlint knows and checks it.
variable "PxVmSize" {
  type      = "string"
  pattern   = "^Standard_[A-Za-z0-9_]+$"
  required  = true
  parameter = "VmSize"
}
