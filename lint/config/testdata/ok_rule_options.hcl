# Rule options become plain Go values for model.Config.Rules.
rule "PX105" {
  min_prefix_length = 12
}
rule "PX505" {
  max_instances = 30
}
rule "PX208" {
  generic_names = ["acme", "corp"]
}
rule "PX209" {
  extra_locations = ["westeurope2"]
}
rule "PX305" {
  days = 14
}
