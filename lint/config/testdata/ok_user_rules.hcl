# IDs that do not look like PXnnn belong to user policies; they are checked
# after those are loaded (CheckUserRules).
rule "ACME001" {
  severity = "error"
  allowed_prefixes = ["10.", "172.16."]
}
waiver "acme.naming" {
  reason = "legacy name"
}
