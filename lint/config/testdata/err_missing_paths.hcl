pxlint {
  policy_dirs = ["no-such-dir"]
  schema_dirs = ["ca.pem"]
  ca_files    = ["policies", "missing.pem"]
}
