# The example certificates come from a private example PKI: trust its root
# for the scripts of this folder (pxlint lint examples/ needs no flags).
pxlint {
  ca_files = ["root-ca.pem"]
}
